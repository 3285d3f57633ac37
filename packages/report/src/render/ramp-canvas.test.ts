import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { RampContext, installRampCanvas } from './ramp-canvas.js';

const svgOf = (url: string) => decodeURIComponent(url.replace(/^data:image\/svg\+xml,/, ''));

describe('the build-time canvas stand-in for ramp legends', () => {
  it('turns a row of pixel colours into a gradient through them, ends included', () => {
    const ctx = new RampContext();
    for (let i = 0; i < 256; i++) {
      ctx.fillStyle = i === 0 ? 'rgb(0, 0, 0)' : i === 255 ? 'rgb(255, 0, 0)' : 'rgb(9, 9, 9)';
      ctx.fillRect(i);
    }
    const svg = svgOf(ctx.toDataURL());
    const stops = [...svg.matchAll(/<stop offset="([\d.]+)" stop-color="([^"]+)"/g)];
    expect(stops.length).toBe(33);
    expect(stops[0]!.slice(1)).toEqual(['0', 'rgb(0, 0, 0)']);
    expect(stops.at(-1)!.slice(1)).toEqual(['1', 'rgb(255, 0, 0)']);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="256" height="1"/);
  });

  it('gives a server-side canvas a 2D context and nothing else', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    installRampCanvas(document);
    const canvas = document.createElement('canvas') as unknown as {
      getContext(t: string): RampContext | null;
      toDataURL(): string;
    };
    expect(canvas.getContext('webgl')).toBeNull();
    const ctx = canvas.getContext('2d')!;
    expect(canvas.getContext('2d')).toBe(ctx);
    ctx.fillStyle = '#123456';
    ctx.fillRect(0);
    expect(svgOf(canvas.toDataURL())).toContain('stop-color="#123456"');
  });
});
