#!/usr/bin/env node
// Checks README.md and docs/*.md: every relative link points to an existing file and, when it names an anchor, to a
// heading of that file (GitHub's heading ids); code fences are balanced; table rows have as many cells as their header.
// Run from anywhere: `node docs/check-links.mjs`. Exits non-zero on a problem. Not wired into the build.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = [join(root, 'README.md'), ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f))];

// Lines outside fenced code blocks, with their numbers; also reports unbalanced fences.
function prose(file, problems) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out = [];
  let fence = null;
  lines.forEach((line, i) => {
    const m = /^\s*(```+|~~~+)/.exec(line);
    if (m) {
      if (fence === null) fence = { mark: m[1], line: i + 1 };
      else if (m[1].startsWith(fence.mark[0]) && m[1].length >= fence.mark.length) fence = null;
      return;
    }
    if (fence === null) out.push({ text: line, n: i + 1 });
  });
  if (fence !== null) problems.push(`${rel(file)}:${fence.line}: code fence never closed`);
  return out;
}

// GitHub's heading ids (github-slugger): lower case, punctuation dropped, spaces to hyphens, repeats numbered.
function anchors(file) {
  const seen = new Map();
  const ids = new Set();
  for (const { text } of prose(file, [])) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    const plain = m[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const base = plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  }
  return ids;
}

const rel = (file) => relative(root, file);
const cells = (row) => row.replace(/`[^`]*`/g, 'x').replace(/\\\|/g, 'x').trim().replace(/^\||\|$/g, '').split('|').length;

const problems = [];
let links = 0;
for (const file of files) {
  const lines = prose(file, problems);
  let header = null;
  for (const { text, n } of lines) {
    const row = text.trim();
    if (row.startsWith('|')) {
      if (header === null) header = cells(row);
      else if (cells(row) !== header) problems.push(`${rel(file)}:${n}: table row has ${cells(row)} cells, header ${header}`);
    } else {
      header = null;
    }
    const inline = text.replace(/`[^`]*`/g, '');
    for (const m of inline.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue;
      links++;
      const [path, anchor] = target.split('#');
      const dest = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
      if (!existsSync(dest)) {
        problems.push(`${rel(file)}:${n}: ${target}: no such file`);
        continue;
      }
      if (anchor !== undefined) {
        if (!dest.endsWith('.md') || statSync(dest).isDirectory()) {
          problems.push(`${rel(file)}:${n}: ${target}: anchor into a file that is not Markdown`);
        } else if (!anchors(dest).has(decodeURIComponent(anchor))) {
          problems.push(`${rel(file)}:${n}: ${target}: no heading with that id in ${rel(dest)}`);
        }
      }
    }
  }
}

for (const p of problems) console.error(p);
console.log(`${files.length} files, ${links} relative links, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
