// Runs on `npm install`. @platformatic/kafka needs Node >= 22.22; when the machine's Node is older,
// fetch a supported Node from the npm registry (node-<platform>-<arch>) into .runtime/ and link it
// as node_modules/.bin/node, which npm puts first on PATH for every `npm run` script.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const MIN = [22, 22, 0];
const RANGE = "^24.6.0";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const link = join(root, "node_modules", ".bin", "node");

function supported(version) {
  const [major, minor, patch] = version.replace(/^v/, "").split(".").map(Number);
  if (major !== MIN[0]) return major > MIN[0];
  return minor > MIN[1] || (minor === MIN[1] && patch >= MIN[2]);
}

if (supported(process.version)) {
  rmSync(link, { force: true });
  process.exit(0);
}

const pkg = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;
const runtime = join(root, ".runtime");
const binary = join(runtime, "node_modules", pkg, "bin", "node");
if (!existsSync(binary)) {
  console.log(
    `Node ${process.version} is older than the ${MIN.join(".")} the Kafka client needs: installing ${pkg}@${RANGE} from the npm registry into .runtime/ for every npm script`,
  );
  mkdirSync(runtime, { recursive: true });
  writeFileSync(join(runtime, "package.json"), JSON.stringify({ private: true }) + "\n");
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", runtime, `${pkg}@${RANGE}`],
    { stdio: "inherit" },
  );
}
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), binary), link);
const version = execFileSync(link, ["--version"]).toString().trim();
console.log(`npm scripts will run on Node ${version} (node_modules/.bin/node)`);
