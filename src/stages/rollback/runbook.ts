/** Is the rollback path written down? A `ROLLBACK.md`, or a README/docs section about rolling back. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const HEADING = /^ {0,3}#{1,6}\s+(.*)$/gm;
const ROLLBACK_WORDS = /\b(roll(?:ing)?[ -]?backs?|rolled[ -]back|revert(?:ing)? (?:a |the )?(?:deploy(?:ment)?|release)s?|undo(?:ing)? a deploy)/i;

/** The first Markdown heading about rolling back, or undefined (pure). Fenced code is ignored. */
export function rollbackHeading(markdown: string): string | undefined {
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of text.matchAll(HEADING)) {
    const title = match[1]!.replace(/#+\s*$/, '').trim();
    if (ROLLBACK_WORDS.test(title)) return title;
  }
  return undefined;
}

function markdownFiles(dir: string, depth: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir && depth > 0) out.push(...markdownFiles(full, depth - 1));
    else if (!isDir && /\.mdx?$/i.test(name)) out.push(full);
  }
  return out;
}

/** Where the runbook is (`ROLLBACK.md`, or `README.md#Rolling back`), or undefined (an edge: files). */
export function findRunbook(repo: string): string | undefined {
  const top = markdownFiles(repo, 0);
  const docs = ['docs', 'doc', '.github'].flatMap((folder) => markdownFiles(join(repo, folder), 3));
  const dedicated = [...top, ...docs].find((file) => /^rollback\.mdx?$/i.test(file.split('/').pop()!));
  if (dedicated) return relative(repo, dedicated);
  const readmes = top.filter((file) => /^readme\.mdx?$/i.test(file.split('/').pop()!));
  for (const file of [...readmes, ...docs]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const heading = rollbackHeading(text);
    if (heading) return `${relative(repo, file)}#${heading}`;
  }
  return undefined;
}
