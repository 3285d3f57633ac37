import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { roundGeometry, roundSvgGeometry } from './round-svg.js';

describe('rounding SVG geometry', () => {
  it('rounds fractions and exponents to a tenth, keeps integers and syntax', () => {
    expect(roundGeometry('M40,334.3419572553431L300.05,1e-7')).toBe('M40,334.3L300.1,0');
    expect(roundGeometry('translate(170,30) rotate(-90)')).toBe('translate(170,30) rotate(-90)');
    expect(roundGeometry('-0.04')).toBe('0');
    expect(roundGeometry('2.5e2')).toBe('250');
  });

  it('touches geometry attributes of SVG elements only, never text or colours', () => {
    const { document } = parseHTML(
      '<div><svg width="900.123" height="60"><line x1="1.234" stroke="#3a9a5c"></line>' +
        '<rect width="100%"></rect><text x="2.26">0.123456</text></svg>' +
        '<span data-x="1.234">1.234</span></div>',
    );
    roundSvgGeometry(document.querySelector('div')!);
    expect(document.querySelector('div')!.innerHTML).toBe(
      '<svg width="900.1" height="60"><line x1="1.2" stroke="#3a9a5c" />' +
        '<rect width="100%" /><text x="2.3">0.123456</text></svg>' +
        '<span data-x="1.234">1.234</span>',
    );
  });
});
