import { decodeEntities, htmlToText, messageBodyText, plainText } from '../../../bot/domain/html';

// A Teams message's HTML as the text a person edits before parking it as an idea ("Parkér som idé").

describe('htmlToText', () => {
  it('keeps the words and the lines, not the markup', () => {
    expect(htmlToText('<div><p>Første <strong>linje</strong></p><p>Anden<br>tredje</p></div>', 1000)).toBe('Første linje\nAnden\ntredje');
    expect(htmlToText('<ul><li>Madklub</li><li>Besøgsvenner</li></ul>', 1000)).toBe('- Madklub\n- Besøgsvenner');
    // A mention is the person's name; Teams' attachment placeholders vanish.
    expect(htmlToText('<p><at id="0">Jens Jensen</at> kan du tage den?</p><attachment id="abc"></attachment>', 1000)).toBe('Jens Jensen kan du tage den?');
  });

  it('drops scripts, styles and comments with their content, and images except Teams emoji', () => {
    expect(htmlToText('<p>Hej</p><script>alert("x")</script><style>p{color:red}</style><!-- skjult -->', 1000)).toBe('Hej');
    expect(htmlToText('Godt <img alt="😊" itemtype="http://schema.skype.com/Emoji" src="x"> og <img src="foto.png" alt="foto">', 1000)).toBe('Godt 😊 og');
    // An unclosed script or comment swallows the rest rather than leaking it.
    expect(htmlToText('Før<script>var x = "<p>"', 1000)).toBe('Før');
  });

  it('decodes entities once: an encoded tag stays text, never markup', () => {
    expect(htmlToText('&lt;b&gt;fed&lt;/b&gt; &amp;amp; &quot;citat&quot; &aelig;&oslash;&aring; &#230;&#xF8;&#229;', 1000)).toBe('<b>fed</b> &amp; "citat" æøå æøå');
    expect(decodeEntities('&#0; &#xD800; &#x110000; &ukendt; &amp')).toBe('   &ukendt; &amp');
  });

  it('cleans as typed text is cleaned: no control or bidi characters, tidy spaces', () => {
    expect(htmlToText('<p>  Idé\u202e med\u0007  mange&nbsp;&nbsp;mellemrum  </p>\n\n\n\n<p>næste</p>', 1000)).toBe('Idé med mange mellemrum\n\nnæste');
  });

  it('keeps to the idea’s length, never splitting an emoji', () => {
    const long = `${'a'.repeat(998)}😊😊`;
    const cut = htmlToText(long, 1000);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(htmlToText('kort', 1000)).toBe('kort');
  });
});

describe('messageBodyText', () => {
  it('reads an HTML body as HTML and a text body as it is', () => {
    expect(messageBodyText({ contentType: 'html', content: '<p>a &lt; b</p>' }, 100)).toBe('a < b');
    expect(messageBodyText({ contentType: 'text', content: 'a &lt; <b>b</b>' }, 100)).toBe('a &lt; <b>b</b>');
    expect(messageBodyText(undefined, 100)).toBe('');
    expect(messageBodyText({ content: 42 }, 100)).toBe('');
  });

  it('plainText trims lines and keeps paragraphs', () => {
    expect(plainText('  a \r\n\r\n\r\n b  ', 100)).toBe('a\n\nb');
  });
});
