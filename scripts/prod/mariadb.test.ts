import { describe, expect, it } from 'vitest';
import { parseXml } from './mariadb.ts';

// What `mariadb --xml` printed for: select 1 as a, NULL as b, 'x<y & "z"' as c, '' as d; select 2 as n;
const TWO_RESULTS = `<?xml version="1.0"?>

<resultset statement="select 1 as a, NULL as b, 'x&lt;y &amp; &quot;z&quot;' as c, '' as d" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <row>
\t<field name="a">1</field>
\t<field name="b" xsi:nil="true" />
\t<field name="c">x&lt;y &amp; &quot;z&quot;</field>
\t<field name="d"></field>
  </row>
</resultset>
<?xml version="1.0"?>

<resultset statement="select 2 as n" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <row>
\t<field name="n">2</field>
  </row>
</resultset>
`;

describe('parseXml', () => {
  it('answers the rows of the last result set', () => {
    expect(parseXml(TWO_RESULTS)).toEqual([{ n: '2' }]);
  });

  it('keeps NULL, empty strings and escaped characters apart', () => {
    const first = TWO_RESULTS.slice(0, TWO_RESULTS.indexOf('<?xml', 10));
    expect(parseXml(first)).toEqual([{ a: '1', b: null, c: 'x<y & "z"', d: '' }]);
  });

  it('answers no rows for statements without a result set', () => {
    expect(parseXml('')).toEqual([]);
  });
});
