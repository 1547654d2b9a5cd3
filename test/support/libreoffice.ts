import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// Debian's LibreOffice (`apt-get install libreoffice-writer-nogui`, done by .ci/run) reads a document
// the way a person's Word would: the test converts it to plain text and reads that.

const run = promisify(execFile);

export async function docxToText(bytes: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netvaerk-docx-'));
  try {
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, bytes);
    // A profile of its own, so parallel conversions never wait for each other's lock.
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, input], { timeout: 120_000 });
    return fs.readFileSync(path.join(dir, 'document.txt'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
