// Writes dist/sw.js from embed/sw.js with this build's file list and id, so
// the service worker precaches exactly the files of one build under a name
// of its own (see embed/sw.js). Run after every other step that writes pages.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.argv[2] || "dist";
// Not precached: the host's header file, the worker itself, and the embed
// example page (a demo for marketers, not part of the app).
const skip = (rel) => rel === "_headers" || rel === "sw.js" || rel.startsWith("examples/");

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
  );
}
const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join("/"))
  .filter((rel) => !skip(rel))
  .sort();
const hash = createHash("sha256");
for (const rel of files) hash.update(rel).update("\0").update(readFileSync(join(dir, rel)));
const id = hash.digest("hex").slice(0, 16);
// Pages are cached under their folder URL too ("audit/" as well as "audit/index.html")
// through the worker's lookup, which maps a trailing slash to index.html.
const build = JSON.stringify({ id, files });
const template = readFileSync(new URL("../embed/sw.js", import.meta.url), "utf8");
const out = template.replace(/\/\*SC_BUILD\*\/[\s\S]*?\/\*SC_BUILD_END\*\//, build);
if (out === template) throw new Error("embed/sw.js has no /*SC_BUILD*/ … /*SC_BUILD_END*/ placeholder");
writeFileSync(join(dir, "sw.js"), out);
console.log(`[sw] dist/sw.js: build ${id}, ${files.length} files precached`);
