const DANISH_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/** Content-Disposition for a download (RFC 6266): an ASCII fallback name and the real one in UTF-8,
 * e.g. attachment; filename="deleoekonomi-netvaerksmoede-2-af-5.ics"; filename*=UTF-8''Dele%C3%B8konomi… */
export function attachment(name: string, extension: string): string {
  const ascii =
    name
      .replace(/[æøåÆØÅ]/g, (letter) => DANISH_LETTERS[letter]!)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'kalender';
  const readable = `${name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').trim()}.${extension}`;
  const encoded = encodeURIComponent(readable).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}
