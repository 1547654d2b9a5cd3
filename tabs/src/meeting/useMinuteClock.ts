import { useEffect, useState } from 'react';
import { untilNextMinute } from './atHand';

/** The time now, moved on at every whole minute (the agenda's "Nu" follows the clock while the panel is open). */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, untilNextMinute(new Date()));
    };
    timer = setTimeout(tick, untilNextMinute(new Date()));
    return () => clearTimeout(timer);
  }, []);
  return now;
}
