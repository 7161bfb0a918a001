/**
 * `tsx scripts/bpmn-layout/render-png.ts <in.bpmn> <out.png> [scale] [x,y,width,height]`: draws a
 * diagram with bpmn-js in real Chromium (the render test's bpmn-render.ts) and saves it as a PNG
 * to look at, e.g. after `npm run layout:bpmn`; the optional clip (in SVG pixels) zooms into a
 * part. Prints bpmn-js's import warnings and the diagram's size.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { renderDiagrams } from '../../test/browser/bpmn-render.js';
import { chromiumExecutable } from '../../test/support/chromium.js';

/** The SVG's own width and height (bpmn-js writes both). */
function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!width || !height) throw new Error('the SVG has no width and height');
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** A part of the picture, in SVG pixels. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Renders `file` to a PNG at `scale` (1 = one pixel per diagram unit); returns the warnings. */
export async function renderPng(file: string, out: string, scale = 1, clip?: Clip): Promise<string[]> {
  const [result] = await renderDiagrams([file]);
  const { width, height } = svgSize(result!.svg);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
    await page.setContent(`<!doctype html><body style="margin:0;background:#fff">${result!.svg}</body>`);
    writeFileSync(out, await page.screenshot(clip ? { clip } : { fullPage: true }));
  } finally {
    await browser.close();
  }
  console.log(`${out}: ${width} x ${height} (scale ${scale})`);
  return result!.warnings;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [file, out, scale, clip] = process.argv.slice(2);
  const [x, y, width, height] = (clip ?? '').split(',').map(Number);
  if (!file || !out) {
    console.error('usage: tsx scripts/bpmn-layout/render-png.ts <in.bpmn> <out.png> [scale]');
    process.exitCode = 1;
  } else {
    const part = clip ? { x: x!, y: y!, width: width!, height: height! } : undefined;
    const warnings = await renderPng(file, out, scale ? Number(scale) : 1, part);
    for (const w of warnings) console.error(`warning: ${w}`);
    process.exitCode = warnings.length ? 1 : 0;
  }
}
