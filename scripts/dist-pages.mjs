// The HTML pages of a build: dist/index.html and each tool's dist/<tool>/index.html.
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

export function pages(dir) {
  return [join(dir, "index.html")].concat(
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "index.html")))
      .map((d) => join(dir, d.name, "index.html")),
  );
}
