import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from './read-source.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-read-source-'));

/** A file of a header and ASCII rows, then a row holding `name`, its first character starting at byte `at`. */
function fileWithNameAt(at: number, name: Buffer): string {
  const header = 'given_name,city\n';
  const filler = Buffer.alloc(at - header.length - 'x,'.length, 'a');
  for (let i = 99; i < filler.length; i += 100) filler[i] = 0x0a; // line breaks, so the filler is rows
  filler[filler.length - 1] = 0x0a;
  const file = path.join(dir, `list-${at}.csv`);
  writeFileSync(file, Buffer.concat([Buffer.from(header), filler, Buffer.from('x,'), name, Buffer.from('\n')]));
  return file;
}

async function lastRow(file: string): Promise<string[]> {
  let last: string[] = [];
  for await (const batch of (await openSource(file)).batches) last = batch[batch.length - 1]!.cells;
  return last;
}

describe('reading a list', () => {
  it('reads UTF-8 whose characters straddle the chunks the file is read in', async () => {
    // The reader takes the file a mebibyte at a time: put the two bytes of Å on both sides of that line.
    const file = fileWithNameAt((1 << 20) - 1, Buffer.from('Åsa Öberg', 'utf8'));
    expect(await lastRow(file)).toEqual(['x', 'Åsa Öberg']);
  });

  it('reads a file that is not UTF-8 as Windows-1252', async () => {
    const file = fileWithNameAt((1 << 20) - 1, Buffer.from([0xc5, 0x73, 0x61])); // "Åsa" in Windows-1252
    expect(await lastRow(file)).toEqual(['x', 'Åsa']);
  });
});
