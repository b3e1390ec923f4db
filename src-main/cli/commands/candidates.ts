// `bindery candidates --modalias-file FILE`: one answer per input line, so a
// script can zip them; a bad line gets an error object and a non-zero exit.
import fs from 'node:fs';
import { BinderyFailure, bindery, toBinderyError } from '../../../src-shared/errors';
import type { InventoryService } from '../../engine/service/inventory-service';
import { candidatesJson, candidatesText } from '../format/candidates-text';

export interface FileResult {
  readonly output: string;
  readonly failures: number;
}

export function readModaliasFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new BinderyFailure(
      bindery('UNREADABLE_FILE', 'Cannot read the modalias file', `${file}: ${(error as Error).message}.`,
        'Pass a text file with one modalias per line.'),
    );
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.replace(/\r$/, ''));
}

export function candidatesForFile(service: InventoryService, modaliases: readonly string[], json: boolean): FileResult {
  let failures = 0;
  const outputs = modaliases.map((modalias) => {
    try {
      const report = service.candidatesForModalias(modalias);
      return json ? JSON.stringify(candidatesJson(report)) : `${modalias}\n${candidatesText(report)}\n`;
    } catch (thrown) {
      failures += 1;
      const error = toBinderyError(thrown);
      return json ? JSON.stringify({ modalias, error }) : `${modalias}\nerror: ${error.detail}\n`;
    }
  });
  return { output: outputs.join('\n'), failures };
}
