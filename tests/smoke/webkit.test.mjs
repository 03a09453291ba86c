// Smoke suite in WebKit (WebKitGTK MiniBrowser via WebKitWebDriver, under Xvfb).
import { smoke } from "./suite.mjs";

smoke("webkit");
