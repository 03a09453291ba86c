// Smoke suite in Firefox ESR (headless, via geckodriver).
import { smoke } from "./suite.mjs";

smoke("firefox");
