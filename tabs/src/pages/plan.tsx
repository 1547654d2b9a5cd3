import { mount } from '../shell/mount';
import { PlanPage } from '../plan/PlanPage';
import { prefetchPlan } from '../shell/usePlan';

mount(<PlanPage />, 'tab.plan.pageTitle', prefetchPlan);
