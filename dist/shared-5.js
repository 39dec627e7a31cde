#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  DEFAULT_LIMITS,
  DURATION_PATTERN,
  LatencyHistogram,
  addCounts,
  classifyError,
  composeShare,
  evaluateThreshold,
  formatDuration,
  guessCriticalPath,
  parseBurstConfig,
  peakArrivalRate,
  peakVUs,
  poolFactory,
  scenarioDurationMs,
  startLoops
} from "./shared-9.js";
import {
  EXPOSURES,
  GITLEAKS_CONFIG,
  gitleaksFingerprint,
  isAllowed,
  loadBaseline,
  loadGitleaksIgnore,
  loadScanPolicy,
  scanText,
  streamHistory,
  valueAt
} from "./shared-8.js";
import {
  require_cjs
} from "./shared-7.js";
import {
  FAIL_ON_VALUES,
  SEVERITIES,
  STAGE_IDS,
  closest,
  didYouMean,
  fingerprintOf,
  isWithheld,
  require_dist,
  resolverProblem,
  severityRank
} from "./shared-6.js";
import {
  applyConnectTo,
  entriesOf,
  errorMessage,
  isBoolean,
  isNumber,
  isString,
  oneOrMany,
  parseConnectRules,
  routeConnection,
  splitHostPort
} from "./shared-2.js";
import {
  UsageError,
  looksBinary,
  readBoundedFile,
  reasonOf
} from "./shared-10.js";
import {
  errorCode,
  isOneOf,
  isRecord,
  read,
  recordsOf,
  stringOr,
  stringsOf,
  withSchemaDefaults
} from "./shared-11.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./shared-12.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan2 = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan2;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v2) => utils.escapeRegex(v2)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j3 = i + 1; j3 < values.length; j3++) {
          const a = values[i];
          const b3 = values[j3];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b3 !== char.repeat(b3.length)) {
            continue;
          }
          if (a === b3 || a.startsWith(b3) || b3.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m2, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m2;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m2 : `\\${m2}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m2) => {
              return m2.length % 2 === 0 ? "\\\\" : m2 ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t2 of toks) {
              state.output += t2.output || t2.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan2 = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject3 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject3(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p2) => picomatch3.parse(p2, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan2(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m2 = s * 60;
    var h3 = m2 * 60;
    var d2 = h3 * 24;
    var w2 = d2 * 7;
    var y2 = d2 * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y2;
        case "weeks":
        case "week":
        case "w":
          return n * w2;
        case "days":
        case "day":
        case "d":
          return n * d2;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h3;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m2;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms4) {
      var msAbs = Math.abs(ms4);
      if (msAbs >= d2) {
        return Math.round(ms4 / d2) + "d";
      }
      if (msAbs >= h3) {
        return Math.round(ms4 / h3) + "h";
      }
      if (msAbs >= m2) {
        return Math.round(ms4 / m2) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms4 / s) + "s";
      }
      return ms4 + "ms";
    }
    function fmtLong(ms4) {
      var msAbs = Math.abs(ms4);
      if (msAbs >= d2) {
        return plural(ms4, msAbs, d2, "day");
      }
      if (msAbs >= h3) {
        return plural(ms4, msAbs, h3, "hour");
      }
      if (msAbs >= m2) {
        return plural(ms4, msAbs, m2, "minute");
      }
      if (msAbs >= s) {
        return plural(ms4, msAbs, s, "second");
      }
      return ms4 + " ms";
    }
    function plural(ms4, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms4 / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable;
      createDebug.enable = enable;
      createDebug.enabled = enabled;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy;
      Object.keys(env).forEach((key) => {
        createDebug[key] = env[key];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash = (hash << 5) - hash + namespace.charCodeAt(i);
          hash |= 0;
        }
        return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug(...args) {
          if (!debug.enabled) {
            return;
          }
          const self = debug;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms4 = curr - (prevTime || curr);
          self.diff = ms4;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug.namespace = namespace;
        debug.useColors = createDebug.useColors();
        debug.color = createDebug.selectColor(namespace);
        debug.extend = extend;
        debug.destroy = createDebug.destroy;
        Object.defineProperty(debug, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v2) => {
            enableOverride = v2;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug);
        }
        return debug;
      }
      function extend(namespace, delimiter) {
        const newDebug = createDebug(this.namespace + (typeof delimiter === "undefined" ? ":" : delimiter) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns2 of split) {
          if (ns2[0] === "-") {
            createDebug.skips.push(ns2.slice(1));
          } else {
            createDebug.names.push(ns2);
          }
        }
      }
      function matchesTemplate(search, template2) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template2.length && (template2[templateIndex] === search[searchIndex] || template2[templateIndex] === "*")) {
            if (template2[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template2.length && template2[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template2.length;
      }
      function disable() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns2 of createDebug.names) {
          if (matchesTemplate(name, ns2)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m2;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m2 = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m2[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c3 = "color: " + this.color;
      args.splice(1, 0, c3, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c3);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error) {
      }
    }
    function load() {
      let r2;
      try {
        r2 = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error) {
      }
      if (!r2 && typeof process !== "undefined" && "env" in process) {
        r2 = process.env.DEBUG;
      }
      return r2;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error) {
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v2) {
      try {
        return JSON.stringify(v2);
      } catch (error) {
        return "[UnexpectedJSONParseError]: " + error.message;
      }
    };
  }
});

// node_modules/has-flag/index.js
var require_has_flag = __commonJS({
  "node_modules/has-flag/index.js"(exports, module) {
    "use strict";
    module.exports = (flag, argv = process.argv) => {
      const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
      const position = argv.indexOf(prefix + flag);
      const terminatorPosition = argv.indexOf("--");
      return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
    };
  }
});

// node_modules/supports-color/index.js
var require_supports_color = __commonJS({
  "node_modules/supports-color/index.js"(exports, module) {
    "use strict";
    var os2 = __require("os");
    var tty = __require("tty");
    var hasFlag = require_has_flag();
    var { env } = process;
    var forceColor;
    if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
      forceColor = 0;
    } else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
      forceColor = 1;
    }
    if ("FORCE_COLOR" in env) {
      if (env.FORCE_COLOR === "true") {
        forceColor = 1;
      } else if (env.FORCE_COLOR === "false") {
        forceColor = 0;
      } else {
        forceColor = env.FORCE_COLOR.length === 0 ? 1 : Math.min(parseInt(env.FORCE_COLOR, 10), 3);
      }
    }
    function translateLevel(level) {
      if (level === 0) {
        return false;
      }
      return {
        level,
        hasBasic: true,
        has256: level >= 2,
        has16m: level >= 3
      };
    }
    function supportsColor(haveStream, streamIsTTY) {
      if (forceColor === 0) {
        return 0;
      }
      if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
        return 3;
      }
      if (hasFlag("color=256")) {
        return 2;
      }
      if (haveStream && !streamIsTTY && forceColor === void 0) {
        return 0;
      }
      const min = forceColor || 0;
      if (env.TERM === "dumb") {
        return min;
      }
      if (process.platform === "win32") {
        const osRelease = os2.release().split(".");
        if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
          return Number(osRelease[2]) >= 14931 ? 3 : 2;
        }
        return 1;
      }
      if ("CI" in env) {
        if (["TRAVIS", "CIRCLECI", "APPVEYOR", "GITLAB_CI", "GITHUB_ACTIONS", "BUILDKITE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
          return 1;
        }
        return min;
      }
      if ("TEAMCITY_VERSION" in env) {
        return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
      }
      if (env.COLORTERM === "truecolor") {
        return 3;
      }
      if ("TERM_PROGRAM" in env) {
        const version = parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
        switch (env.TERM_PROGRAM) {
          case "iTerm.app":
            return version >= 3 ? 3 : 2;
          case "Apple_Terminal":
            return 2;
        }
      }
      if (/-256(color)?$/i.test(env.TERM)) {
        return 2;
      }
      if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
        return 1;
      }
      if ("COLORTERM" in env) {
        return 1;
      }
      return min;
    }
    function getSupportLevel(stream) {
      const level = supportsColor(stream, stream && stream.isTTY);
      return translateLevel(level);
    }
    module.exports = {
      supportsColor: getSupportLevel,
      stdout: translateLevel(supportsColor(true, tty.isatty(1))),
      stderr: translateLevel(supportsColor(true, tty.isatty(2)))
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util = __require("util");
    exports.init = init;
    exports.log = log;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = require_supports_color();
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key) => {
      return /^debug_/i.test(key);
    }).reduce((obj, key) => {
      const prop = key.substring(6).toLowerCase().replace(/_([a-z])/g, (_3, k2) => {
        return k2.toUpperCase();
      });
      let val = process.env[key];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c3 = this.color;
        const colorCode = "\x1B[3" + (c3 < 8 ? c3 : "8;5;" + c3);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log(...args) {
      return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init(debug) {
      debug.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v2) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v2, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v2) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v2, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/@kwsites/file-exists/dist/src/index.js
var require_src2 = __commonJS({
  "node_modules/@kwsites/file-exists/dist/src/index.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs_1 = __require("fs");
    var debug_1 = __importDefault(require_src());
    var log = debug_1.default("@kwsites/file-exists");
    function check(path, isFile2, isDirectory2) {
      log(`checking %s`, path);
      try {
        const stat2 = fs_1.statSync(path);
        if (stat2.isFile() && isFile2) {
          log(`[OK] path represents a file`);
          return true;
        }
        if (stat2.isDirectory() && isDirectory2) {
          log(`[OK] path represents a directory`);
          return true;
        }
        log(`[FAIL] path represents something other than a file or directory`);
        return false;
      } catch (e) {
        if (e.code === "ENOENT") {
          log(`[FAIL] path is not accessible: %o`, e);
          return false;
        }
        log(`[FATAL] %o`, e);
        throw e;
      }
    }
    function exists(path, type = exports.READABLE) {
      return check(path, (type & exports.FILE) > 0, (type & exports.FOLDER) > 0);
    }
    exports.exists = exists;
    exports.FILE = 1;
    exports.FOLDER = 2;
    exports.READABLE = exports.FILE + exports.FOLDER;
  }
});

// node_modules/@kwsites/file-exists/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/@kwsites/file-exists/dist/index.js"(exports) {
    "use strict";
    function __export(m2) {
      for (var p2 in m2) if (!exports.hasOwnProperty(p2)) exports[p2] = m2[p2];
    }
    Object.defineProperty(exports, "__esModule", { value: true });
    __export(require_src2());
  }
});

// node_modules/@kwsites/promise-deferred/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/@kwsites/promise-deferred/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDeferred = exports.deferred = void 0;
    function deferred() {
      let done;
      let fail;
      let status = "pending";
      const promise = new Promise((_done, _fail) => {
        done = _done;
        fail = _fail;
      });
      return {
        promise,
        done(result) {
          if (status === "pending") {
            status = "resolved";
            done(result);
          }
        },
        fail(error) {
          if (status === "pending") {
            status = "rejected";
            fail(error);
          }
        },
        get fulfilled() {
          return status !== "pending";
        },
        get status() {
          return status;
        }
      };
    }
    exports.deferred = deferred;
    exports.createDeferred = deferred;
    exports.default = deferred;
  }
});

// src/core/flags.ts
var COMMON_NAMES = ["config", "format", "output", "fail-on", "stages"];
function readFlags(args, flags, command, options = {}) {
  const values = /* @__PURE__ */ new Map();
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-h") {
      values.set("help", true);
      continue;
    }
    if (!arg.startsWith("--")) {
      if (!options.positional) throw unexpectedArgument(arg, flags, command);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? void 0 : eq);
    const flag = flags.find((f3) => f3.name === name);
    if (!flag) throw unknownFlag(name, flags, command);
    let value;
    if (flag.type === "boolean") {
      if (eq !== -1) throw new UsageError(`--${name}: takes no value; write --${name} alone`);
      value = true;
    } else {
      const raw = eq !== -1 ? arg.slice(eq + 1) : args[++i];
      if (raw === void 0 || eq === -1 && raw.startsWith("--"))
        throw new UsageError(`--${name}: needs a value; e.g. --${name} ${flag.valueName ?? "VALUE"}`);
      value = flag.type === "number" ? toNumber(raw, name) : raw;
    }
    if (flag.multiple) {
      const earlier = values.get(name);
      values.set(name, [...Array.isArray(earlier) ? earlier : [], value]);
    } else if (values.has(name) && flag.type !== "boolean") throw new UsageError(`--${name}: given twice; give it once`);
    else values.set(name, value);
  }
  return { values, positional };
}
function unexpectedArgument(arg, flags, command) {
  const example = flags.find((f3) => f3.type !== "boolean" && !COMMON_NAMES.includes(f3.name)) ?? flags[0];
  return new UsageError(
    `unexpected argument "${arg}" for "launch-ready ${command}"; values go after their flag, e.g. --${example.name} ${arg} (see launch-ready ${command} --help)`
  );
}
function unknownFlag(name, flags, command) {
  const guess = closest(
    name,
    flags.map((f3) => f3.name)
  );
  return new UsageError(`--${name}: unknown flag for "launch-ready ${command}"; ${guess ? `did you mean --${guess}?` : `see launch-ready ${command} --help`}`);
}
function toNumber(raw, name) {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new UsageError(`--${name}: "${raw}" is not a number; e.g. --${name} 10`);
  return value;
}
function flagLines(flags) {
  const rows = flags.map((f3) => [`--${f3.name}${f3.type === "boolean" ? "" : ` ${f3.valueName ?? "VALUE"}`}${f3.multiple ? "..." : ""}`, f3.description]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join("\n");
}
function commandHelpText(usage, what, flags, footer) {
  return [`${usage}: ${what}`, "", "Flags:", flagLines(flags), "", ...footer].join("\n");
}

// src/core/request.ts
var FORMATS = ["text", "json", "markdown", "sarif", "html"];

// src/core/cli-args.ts
var COMMON_FLAGS = [
  { name: "config", type: "string", configKey: "", valueName: "FILE", description: "launch-ready.yml to read (default: ./launch-ready.yml if present)" },
  { name: "format", type: "string", configKey: "", valueName: "FMT", description: `output format: ${FORMATS.join("|")} (default: text)` },
  { name: "output", type: "string", configKey: "", valueName: "FILE", description: "write the report to FILE instead of stdout" },
  {
    name: "fail-on",
    type: "string",
    configKey: "",
    valueName: "SEV",
    description: `lowest severity that fails the gate: ${FAIL_ON_VALUES.join("|")} (default: blocker)`
  },
  { name: "help", type: "boolean", configKey: "", description: "show this help" }
];
var STAGES_FLAG = {
  name: "stages",
  type: "string",
  configKey: "",
  valueName: "LIST",
  description: `comma-separated stages to run: ${STAGE_IDS.join(",")}`
};
var DEMO_FLAGS = [
  { name: "fixed", type: "boolean", configKey: "", description: "run the same launch with every planted fault repaired (the gate passes)" }
];
var RUN_COMMANDS = ["check", ...STAGE_IDS, "demo"];
var COMMANDS = [...RUN_COMMANDS, "schema", "help"];
function parseCommandLine(argv, stages, cwd) {
  const [first, ...rest] = argv;
  if (first === void 0 || first === "--help" || first === "-h" || first === "help") return { kind: "help", text: mainHelp(stages) };
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (!COMMANDS.includes(first)) {
    const hint = first.startsWith("-") ? `put flags after a command; e.g. launch-ready check ${first}` : didYouMean(
      first,
      COMMANDS.filter((c3) => c3 !== "help")
    );
    throw new UsageError(`unknown command "${first}"; ${hint} (see launch-ready --help)`);
  }
  if (first === "schema") return { kind: "schema" };
  if (!isOneOf(RUN_COMMANDS, first)) return { kind: "help", text: mainHelp(stages) };
  const command = first;
  const stage = stages.find((s) => s.id === command);
  const flags = [...COMMON_FLAGS, ...command === "check" ? [STAGES_FLAG] : [], ...command === "demo" ? DEMO_FLAGS : [], ...stage?.flags ?? []];
  const { values } = readFlags(rest, flags, command);
  if (values.has("help")) return { kind: "help", text: commandHelp(command, flags, stage) };
  const request = { command, overrides: [], format: "text", cwd };
  const format = stringOr(values.get("format"));
  if (format !== void 0) {
    if (!isOneOf(FORMATS, format)) throw new UsageError(`--format: "${format}" is not a format; ${didYouMean(format, FORMATS)}`);
    request.format = format;
  }
  const failOn = stringOr(values.get("fail-on"));
  if (failOn !== void 0) request.failOn = parseFailOn(failOn, "--fail-on");
  const config = stringOr(values.get("config"));
  if (config !== void 0) request.configFile = config;
  const output = stringOr(values.get("output"));
  if (output !== void 0) request.output = output;
  const list = stringOr(values.get("stages"));
  if (list !== void 0) request.stages = parseStageList(list, "--stages");
  if (stage) request.stages = [stage.id];
  if (values.has("fixed")) request.fixed = true;
  request.overrides = stage ? overridesOf(stage, values) : [];
  return { kind: "run", request };
}
function parseFailOn(value, source) {
  if (!isOneOf(FAIL_ON_VALUES, value)) throw new UsageError(`${source}: "${value}" is not a severity; ${didYouMean(value, FAIL_ON_VALUES)}`);
  return value;
}
function parseStageList(list, source) {
  const ids = list.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError(`${source}: no stage given; e.g. ${source} secrets,env`);
  const out = /* @__PURE__ */ new Set();
  for (const id of ids) {
    if (!isOneOf(STAGE_IDS, id)) throw new UsageError(`${source}: unknown stage "${id}"; ${didYouMean(id, STAGE_IDS)}`);
    out.add(id);
  }
  return [...out];
}
function overridesOf(stage, values) {
  const out = [];
  for (const flag of stage.flags) {
    if (!values.has(flag.name)) continue;
    const value = values.get(flag.name);
    out.push({ path: [stage.id, ...flag.configKey.split(".")], value: flag.negate ? !value : value, source: `--${flag.name}` });
  }
  return out;
}
function mainHelp(stages) {
  const lines = [
    "launch-ready: a pre-deploy gate for the failures that break first-customer trust.",
    "",
    "Usage: launch-ready <command> [flags]",
    "",
    "Commands:",
    "  check      run every enabled stage (or --stages a,b) and apply the gate",
    ...stages.map((s) => `  ${s.id.padEnd(9)}  ${s.description}${s.built ? "" : " (not built yet)"}`),
    "  diagnose   diagnose URL: is it DNS, the edge/CDN, the app or a third party? (exit 0 healthy, 1 a layer fails)",
    "  handover   write HANDOVER.md from the config and the last results",
    "  demo       the whole gate against a built-in demo launch on loopback",
    "  schema     print the JSON Schema of launch-ready.yml",
    "",
    "Common flags:",
    flagLines(COMMON_FLAGS),
    "",
    "Exit codes: 0 gate passed, 1 gate failed, 2 usage or configuration error, 3 a stage could not run.",
    "Run launch-ready <command> --help for the flags of one command."
  ];
  return lines.join("\n");
}
function commandHelp(command, flags, stage) {
  const what = stage ? stage.description : command === "check" ? "run every enabled stage and apply the gate" : "the whole gate against a built-in demo launch on loopback";
  return [
    `launch-ready ${command}: ${what}`,
    "",
    `Usage: launch-ready ${command} [flags]`,
    "",
    "Flags:",
    flagLines(flags),
    "",
    "Flags override launch-ready.yml."
  ].join("\n");
}

// src/core/signals.ts
function cancelOnSignals() {
  const controller = new AbortController();
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143]
  ]) {
    process.once(signal, () => {
      controller.abort();
      process.once(signal, () => process.exit(code));
    });
  }
  return controller.signal;
}

// src/core/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/stages/burst/index.ts
import { writeFileSync } from "node:fs";

// src/stages/burst/config-schema.ts
var DURATION = { type: "string", pattern: DURATION_PATTERN, errorMessage: "expected a duration; e.g. 30s, 500ms, 1m30s" };
var durationOf = (description, extra = {}) => ({ ...DURATION, description, ...extra });
var count = (description, extra = {}) => ({
  type: "integer",
  minimum: 0,
  description,
  errorMessage: "expected a whole number; e.g. 10",
  ...extra
});
var rate = (description) => ({ type: "number", minimum: 0, description, errorMessage: "expected iterations per time unit; e.g. 20" });
var RAMP_STAGES = {
  type: "array",
  minItems: 1,
  maxItems: 100,
  description: "Ramp stages as in k6: each moves linearly to `target` over `duration`.",
  errorMessage: "expected a list of {duration, target}; e.g. [{duration: 30s, target: 100}]",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["duration", "target"],
    properties: { duration: DURATION, target: { type: "number", minimum: 0, errorMessage: "expected a number of VUs or iterations; e.g. 100" } }
  }
};
var STRING_MAP = { type: "object", additionalProperties: { type: "string" }, errorMessage: "expected a mapping of names to text values" };
var CAPTURE = {
  type: "object",
  additionalProperties: false,
  description: "Where the value comes from: one of `regex` (first group, in the body), `header`, `json` (a dotted path) or `cookie`.",
  errorMessage: 'expected one of {regex: "name=\\"csrf\\" value=\\"([^\\"]+)\\""}, {header: x-csrf-token}, {json: data.token}, {cookie: sid}',
  properties: {
    regex: { type: "string", minLength: 1 },
    header: { type: "string", minLength: 1 },
    json: { type: "string", minLength: 1 },
    cookie: { type: "string", minLength: 1 }
  },
  minProperties: 1,
  maxProperties: 1
};
var STEP = {
  type: "object",
  additionalProperties: false,
  required: ["url"],
  errorMessage: 'expected a request step; e.g. {name: signup, method: POST, url: /signup, form: {email: "a@example.com"}}',
  properties: {
    name: { type: "string", minLength: 1, description: "Route name for grouping and thresholds (`http_req_duration{name:signup}`). Default: METHOD path." },
    method: { enum: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], default: "GET", errorMessage: "expected an HTTP method; e.g. GET or POST" },
    url: {
      type: "string",
      minLength: 1,
      description: "A path against `burst.target` (`/signup`) or a full URL on the same origin; `${name}` inserts a captured value."
    },
    headers: { ...STRING_MAP, description: "Request headers; values may use `${name}`." },
    json: { description: "A JSON body (sets content-type: application/json); string values may use `${name}`." },
    form: { ...STRING_MAP, description: "A form body (application/x-www-form-urlencoded); values may use `${name}`." },
    body: { type: "string", description: "A raw body." },
    check: {
      type: "object",
      additionalProperties: false,
      description: "Checks on the response, counted in the `checks` rate.",
      errorMessage: 'expected {status: 200} or {status: [200, 302], bodyContains: "Welcome"}',
      properties: {
        status: {
          anyOf: [
            { type: "integer", minimum: 100, maximum: 599 },
            { type: "array", minItems: 1, items: { type: "integer", minimum: 100, maximum: 599 } }
          ]
        },
        bodyContains: {
          anyOf: [
            { type: "string", minLength: 1 },
            { type: "array", minItems: 1, items: { type: "string", minLength: 1 } }
          ]
        }
      }
    },
    capture: {
      type: "object",
      additionalProperties: CAPTURE,
      propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      description: "Values captured from this response for later steps, by name: `{csrf: {regex: ...}}`.",
      errorMessage: 'expected a mapping of names to {regex|header|json|cookie}; e.g. {csrf: {regex: "name=\\"csrf\\" value=\\"([^\\"]+)\\""}}'
    },
    sleep: durationOf("Think time after this step (overrides the scenario's `thinkTime`)."),
    path: { type: "string", description: "Critical path this route belongs to (`signup`, `checkout`...); default: guessed from the name and URL." }
  }
};
var SCENARIO = {
  type: "object",
  additionalProperties: false,
  required: ["executor"],
  errorMessage: "expected a scenario; e.g. {executor: ramping-vus, stages: [{duration: 30s, target: 100}], steps: [{url: /}]}",
  properties: {
    executor: {
      enum: ["constant-vus", "ramping-vus", "constant-arrival-rate", "ramping-arrival-rate"],
      errorMessage: "expected constant-vus, ramping-vus (closed model), constant-arrival-rate or ramping-arrival-rate (open model)"
    },
    vus: count("constant-vus: concurrent virtual users.", { minimum: 1 }),
    duration: durationOf("constant-vus and constant-arrival-rate: how long the scenario runs."),
    startVUs: count("ramping-vus: VUs at the start."),
    stages: RAMP_STAGES,
    rate: rate("constant-arrival-rate: iterations started per `timeUnit`, whatever the server does."),
    startRate: rate("ramping-arrival-rate: iterations per `timeUnit` at the start."),
    timeUnit: durationOf("Arrival-rate executors: the period `rate` counts in (default 1s)."),
    preAllocatedVUs: count("Arrival-rate executors: VUs ready at the start."),
    maxVUs: count("Arrival-rate executors: most concurrent VUs; past it an iteration is dropped (`droppedIterations`).", { minimum: 1 }),
    startTime: durationOf("Start this long after the run begins (default 0s).", { default: "0s" }),
    gracefulRampDown: durationOf(
      "ramping-vus: time a VU removed by a ramp-down gets to finish its iteration; past it the iteration is cut between steps (default 30s, as in k6)."
    ),
    gracefulStop: durationOf("Time running iterations get to finish after the scenario ends (default 30s).", { default: "30s" }),
    thinkTime: durationOf("Pause after each step, as a visitor reads the page (default none)."),
    steps: {
      type: "array",
      minItems: 1,
      maxItems: 50,
      items: STEP,
      description: "The journey: requests in order.",
      errorMessage: "expected a list of request steps; e.g. [{url: /}, {url: /signup}]"
    }
  }
};
var THRESHOLD_ENTRY = {
  anyOf: [
    { type: "string" },
    {
      type: "object",
      additionalProperties: false,
      required: ["threshold"],
      properties: { threshold: { type: "string" }, abortOnFail: { type: "boolean" }, delayAbortEval: DURATION }
    }
  ]
};
var burstConfigSchema = {
  properties: {
    target: {
      type: "string",
      description: "Base URL of the system under load; load goes only to this origin (redirects to other hosts are not followed).",
      errorMessage: "expected an http(s) URL; e.g. https://staging.example.com"
    },
    vus: count("Common case without scenarios: this many concurrent virtual users walk the pages (closed model).", { minimum: 1 }),
    rate: {
      type: "number",
      exclusiveMinimum: 0,
      description: "Common case without scenarios: journeys started per second (open model).",
      errorMessage: "expected journeys per second; e.g. 20"
    },
    duration: durationOf("Common case and the default launch spike: how long to load (default 30s)."),
    pages: {
      type: "object",
      additionalProperties: { type: "string", minLength: 1 },
      description: "Pages of the default journey by critical path, paths against `target`: `{homepage: /, signup: /signup, health: /healthz}` (default: the homepage).",
      errorMessage: "expected a mapping of page names to paths; e.g. {homepage: /, signup: /signup, health: /healthz}"
    },
    scenarios: {
      type: "object",
      additionalProperties: SCENARIO,
      propertyNames: { pattern: "^[A-Za-z0-9_-]+$" },
      description: "k6 scenarios by name, each with an executor and a journey of steps; they run at the same time (see `startTime`).",
      errorMessage: "expected a mapping of scenario names to scenarios; e.g. {launch: {executor: ramping-vus, stages: [{duration: 30s, target: 100}]}}"
    },
    thresholds: {
      description: `k6 thresholds: a list like ["p(95)<800", "http_req_failed:rate<0.01"] or k6's mapping {http_req_duration: ["p(95)<800"]}. Replaces the defaults (p(95)<800 per route, p(95)<1500 overall, http_req_failed rate<0.01).`,
      anyOf: [
        { type: "array", items: { type: "string" } },
        { type: "object", additionalProperties: { type: "array", items: THRESHOLD_ENTRY } }
      ],
      errorMessage: 'expected a list of threshold texts, e.g. ["p(95)<800"], or a mapping of metric to a list, e.g. {http_req_failed: ["rate<0.01"]}'
    },
    timeout: durationOf("Per-request timeout; a request past it counts as a timeout, apart from 5xx, 429 and connection errors (default 10s).", {
      default: "10s"
    }),
    abort: {
      type: "object",
      additionalProperties: false,
      description: "The default abort rule: stop early and fail when the error rate over the last `window` is above `errorRate`.",
      errorMessage: "expected {errorRate: 0.5, window: 5s}; set enabled: false to turn the rule off",
      properties: {
        enabled: { type: "boolean", default: true },
        errorRate: { type: "number", exclusiveMinimum: 0, maximum: 1, default: 0.5 },
        window: { ...DURATION, default: "5s" },
        minRequests: { type: "integer", minimum: 1, default: 10, description: "Requests the window needs before the rule applies." }
      }
    },
    limits: {
      type: "object",
      additionalProperties: false,
      description: "Safety caps: raise them explicitly to load harder (defaults: 1,000 VUs, 5,000 requests/s, 10 minutes).",
      errorMessage: "expected {maxVUs: 1000, maxRate: 5000, maxDuration: 10m}",
      properties: {
        maxVUs: count("Most concurrent VUs across scenarios.", { minimum: 1, maximum: 1e5, default: 1e3 }),
        maxRate: {
          type: "number",
          exclusiveMinimum: 0,
          maximum: 1e6,
          default: 5e3,
          description: "Most requests per second (enforced while running, both models)."
        },
        maxDuration: { ...DURATION, default: "10m", description: "Longest run, ramps and graceful stops included." }
      }
    },
    abuse: {
      type: "object",
      additionalProperties: false,
      required: ["url"],
      description: "Abuse probe: a fast burst from one client at a login/sign-up endpoint expects 429 before `limit` requests, then a normal rate expects none.",
      errorMessage: "expected {url: /login, method: POST, form: {...}, limit: 30}",
      properties: {
        url: { type: "string", minLength: 1, description: "Path against `target` (or a same-origin URL) of the endpoint to probe." },
        method: { enum: ["GET", "POST", "PUT", "PATCH", "DELETE"], default: "POST" },
        headers: STRING_MAP,
        json: {},
        form: STRING_MAP,
        body: { type: "string" },
        limit: count("A rate limiter should answer 429 before this many requests of the fast burst (default 50).", { minimum: 2, maximum: 1e3, default: 50 }),
        concurrency: count("Parallel requests in the fast burst (default 5).", { minimum: 1, maximum: 50, default: 5 }),
        normalRate: { type: "number", exclusiveMinimum: 0, maximum: 10, default: 1, description: "Requests per second a legitimate user sends (default 1)." },
        normalRequests: count("Requests at the normal rate that must all pass without 429 (default 5).", { minimum: 1, maximum: 60, default: 5 }),
        cooldown: { ...DURATION, default: "0s", description: "Wait between the burst and the normal phase (e.g. the limiter window; default 0s, at most 2m)." }
      }
    },
    workers: {
      anyOf: [{ const: "auto" }, { type: "integer", minimum: 1, maximum: 16 }],
      default: "auto",
      description: "Worker threads for the load loop; `auto` adds threads only when one would be the bottleneck.",
      errorMessage: "expected auto or a number of threads from 1 to 16"
    },
    shard: {
      type: "string",
      pattern: "^[0-9]+/[0-9]+$",
      description: "Run share i of n of every scenario (`--shard 2/4`); `actions/report` merges the shards exactly.",
      errorMessage: "expected i/n; e.g. 1/4"
    },
    exportK6: { type: "string", minLength: 1, description: "Also write the equivalent k6 script to this file (`--export-k6 FILE`)." }
  }
};
var burstFlags = [
  { name: "target", type: "string", configKey: "target", valueName: "URL", description: "base URL to load (the only origin that gets traffic)" },
  { name: "vus", type: "number", configKey: "vus", valueName: "N", description: "concurrent virtual users (closed model)" },
  { name: "rate", type: "number", configKey: "rate", valueName: "N", description: "journeys started per second (open model)" },
  { name: "duration", type: "string", configKey: "duration", valueName: "30s", description: "how long to load" },
  {
    name: "threshold",
    type: "string",
    multiple: true,
    configKey: "thresholds",
    valueName: "EXPR",
    description: "k6 threshold, e.g. 'p(95)<800' or 'http_req_failed:rate<0.01' (repeatable)"
  },
  {
    name: "shard",
    type: "string",
    configKey: "shard",
    valueName: "I/N",
    description: "run share I of N of every scenario (a matrix job each); actions/report merges them"
  },
  { name: "export-k6", type: "string", configKey: "exportK6", valueName: "FILE", description: "also write the equivalent k6 script to FILE" }
];

// src/stages/burst/k6.ts
var js = (value) => JSON.stringify(value);
function exportK6(options) {
  const scenarios = options.scenarios.map((s, i) => `    ${js(s.name)}: ${scenarioOptions(s, i)},`).join("\n");
  const lines = [
    "// Generated by launch-ready burst --export-k6 from launch-ready.yml; run with: k6 run THIS_FILE",
    "import http from 'k6/http';",
    "import { check, sleep } from 'k6';",
    "",
    `const TARGET = __ENV.TARGET || ${js(options.origin)};`,
    "",
    "export const options = {",
    "  scenarios: {",
    scenarios,
    "  },",
    `  thresholds: ${thresholdsOf(options.thresholds)},`,
    "};",
    "",
    ...options.scenarios.flatMap((s, i) => journey(s, i))
  ];
  return `${lines.join("\n")}
`;
}
function scenarioOptions(s, i) {
  const e = s.executor;
  const common = {
    executor: e.kind,
    exec: `journey${i}`,
    startTime: formatDuration(s.startTimeMs),
    gracefulStop: formatDuration(s.gracefulStopMs)
  };
  return js({ ...common, ...executorOptions(e) });
}
function executorOptions(e) {
  const stages = (list) => list.map((st2) => ({ duration: formatDuration(st2.durationMs), target: st2.target }));
  switch (e.kind) {
    case "constant-vus":
      return { vus: e.vus, duration: formatDuration(e.durationMs) };
    case "ramping-vus":
      return { startVUs: e.startVUs, stages: stages(e.stages), gracefulRampDown: formatDuration(e.gracefulRampDownMs) };
    case "constant-arrival-rate":
      return {
        rate: e.rate,
        timeUnit: formatDuration(e.timeUnitMs),
        duration: formatDuration(e.durationMs),
        preAllocatedVUs: e.preAllocatedVUs,
        maxVUs: e.maxVUs
      };
    default:
      return { startRate: e.startRate, timeUnit: formatDuration(e.timeUnitMs), stages: stages(e.stages), preAllocatedVUs: e.preAllocatedVUs, maxVUs: e.maxVUs };
  }
}
function thresholdsOf(thresholds) {
  const byMetric = /* @__PURE__ */ new Map();
  for (const t2 of thresholds) {
    const expression = typeof t2.aggregation === "object" ? t2.expression.replace(/^p(\d+(?:\.\d+)?)(?=[<>=!])/, "p($1)") : t2.expression;
    const entry = t2.abortOnFail ? { threshold: expression, abortOnFail: true, delayAbortEval: formatDuration(t2.delayAbortEvalMs) } : expression;
    byMetric.set(t2.metricText, [...byMetric.get(t2.metricText) ?? [], entry]);
  }
  return js(Object.fromEntries(byMetric));
}
function template(text2) {
  const escaped = text2.replace(/[`\\]/g, (c3) => `\\${c3}`);
  return "`" + escaped.replace(/\$\{(__VU|__ITER)\}/g, "${$1}").replace(/\$\{__SCENARIO\}/g, "${scenario}").replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m2, name) => name.startsWith("__") ? m2 : `\${vars.${name}}`) + "`";
}
function bodyOf(step) {
  if (!step.body) return "null";
  if (step.body.kind === "raw") return template(step.body.value);
  if (step.body.kind === "form")
    return `{ ${Object.entries(step.body.value).map(([k2, v2]) => `${js(k2)}: ${template(v2)}`).join(", ")} }`;
  return `JSON.stringify(${jsonTemplate(step.body.value)})`;
}
function jsonTemplate(value) {
  if (typeof value === "string") return template(value);
  if (Array.isArray(value)) return `[${value.map(jsonTemplate).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value).map(([k2, v2]) => `${js(k2)}: ${jsonTemplate(v2)}`).join(", ")} }`;
  return js(value);
}
function journey(s, i) {
  const out = [`export function journey${i}() {`, `  const scenario = ${js(s.name)};`, "  const vars = {};", "  let res;"];
  for (const step of s.steps) {
    const headers = { ...step.headers };
    if (step.body?.kind === "json") headers["content-type"] ??= "application/json";
    const headerText3 = `{ ${Object.entries(headers).map(([k2, v2]) => `${js(k2)}: ${template(v2)}`).join(", ")} }`;
    out.push(
      `  res = http.request(${js(step.method)}, TARGET + ${template(step.path)}, ${bodyOf(step)}, { headers: ${headerText3}, tags: { name: ${js(step.name)} }, redirects: 0 });`
    );
    const checks = [];
    if (step.checkStatus) checks.push(`${js(`${step.name}: status ${step.checkStatus.join(" or ")}`)}: (r) => ${js(step.checkStatus)}.includes(r.status)`);
    for (const needle of step.checkBody)
      checks.push(`${js(`${step.name}: body contains ${needle}`)}: (r) => typeof r.body === 'string' && r.body.includes(${js(needle)})`);
    if (checks.length) out.push(`  check(res, { ${checks.join(", ")} });`);
    for (const c3 of step.captures) {
      if (c3.from === "regex") out.push(`  vars.${c3.as} = ((res.body || '').match(new RegExp(${js(c3.expr)})) || [])[1];`);
      else if (c3.from === "header") out.push(`  vars.${c3.as} = res.headers[${js(canonicalHeader(c3.expr))}];`);
      else if (c3.from === "cookie") out.push(`  vars.${c3.as} = (res.cookies[${js(c3.expr)}] || [])[0]?.value;`);
      else out.push(`  vars.${c3.as} = res.json(${js(c3.expr)});`);
    }
    const think = step.sleepMs ?? s.thinkTimeMs;
    if (think > 0) out.push(`  sleep(${think / 1e3});`);
  }
  out.push("}", "");
  return out;
}
function canonicalHeader(name) {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_3, dash, c3) => `${dash}${c3.toUpperCase()}`);
}

// src/stages/burst/run.ts
import { availableParallelism } from "node:os";

// src/core/burst/aggregate.ts
var TOTAL_KEYS = [
  "requests",
  "failed",
  "checksPassed",
  "checksFailed",
  "iterations",
  "dropped",
  "bytes"
];
var BurstAggregate = class _BurstAggregate {
  /** `stageOf(second)`: which ramp stage a second belongs to (for the knee), or undefined. */
  constructor(stageOf = () => void 0) {
    this.stageOf = stageOf;
  }
  stageOf;
  overall = new LatencyHistogram();
  lagHist = new LatencyHistogram();
  totals = {
    requests: 0,
    failed: 0,
    checksPassed: 0,
    checksFailed: 0,
    iterations: 0,
    dropped: 0,
    bytes: 0
  };
  errors = {};
  status = {};
  routes = /* @__PURE__ */ new Map();
  scenarios = /* @__PURE__ */ new Map();
  seconds = /* @__PURE__ */ new Map();
  stages = /* @__PURE__ */ new Map();
  elapsedMs = 0;
  vusMax = 0;
  get elapsedSeconds() {
    return this.elapsedMs / 1e3;
  }
  /** Add one window of one load loop. */
  add(w2) {
    const hist = LatencyHistogram.decode(w2.latency);
    this.overall.add(hist);
    this.lagHist.add(LatencyHistogram.decode(w2.lag));
    addCounts(this.totals, w2);
    this.totals.iterations += w2.iterations;
    this.totals.dropped += w2.dropped;
    this.totals.bytes += w2.bytes;
    mergeCounts(this.errors, w2.errors);
    mergeCounts(this.status, w2.status);
    for (const r2 of w2.routes) this.addRoute(r2, LatencyHistogram.decode(r2.latency));
    for (const s of w2.scenarios) this.addScenario(s.name, s, LatencyHistogram.decode(s.latency), s.iterations, s.dropped);
    this.addSecond(w2.second, w2, w2.vus, hist);
  }
  addRoute(r2, hist) {
    let route = this.routes.get(r2.name);
    if (!route) {
      route = { name: r2.name, method: r2.method, url: r2.url, requests: 0, failed: 0, checksPassed: 0, checksFailed: 0, hist: new LatencyHistogram() };
      if (r2.criticalPath) route.criticalPath = r2.criticalPath;
      this.routes.set(r2.name, route);
    }
    addCounts(route, r2);
    route.hist.add(hist);
  }
  addScenario(name, c3, hist, iterations, dropped) {
    let s = this.scenarios.get(name);
    if (!s) {
      s = { requests: 0, failed: 0, checksPassed: 0, checksFailed: 0, hist: new LatencyHistogram(), iterations: 0, dropped: 0 };
      this.scenarios.set(name, s);
    }
    addCounts(s, c3);
    s.hist.add(hist);
    s.iterations += iterations;
    s.dropped += dropped;
  }
  addSecond(second, c3, vus, hist) {
    let point = this.seconds.get(second);
    if (!point) {
      point = { second, requests: 0, failed: 0, checksPassed: 0, checksFailed: 0, vus: 0, latency: new LatencyHistogram() };
      this.seconds.set(second, point);
    }
    addCounts(point, c3);
    point.vus += vus;
    point.latency.add(hist);
    this.vusMax = Math.max(this.vusMax, point.vus);
    const stage = this.stageOf(second);
    if (stage) {
      let acc = this.stages.get(stage.index);
      if (!acc) {
        acc = { ...stage, hist: new LatencyHistogram() };
        this.stages.set(stage.index, acc);
      }
      acc.hist.add(hist);
    }
  }
  /** Requests and failures in the seconds `[from, to)`. */
  window(from, to2) {
    let requests = 0;
    let failed = 0;
    for (const [second, point] of this.seconds) {
      if (second >= from && second < to2) {
        requests += point.requests;
        failed += point.failed;
      }
    }
    return { requests, failed };
  }
  latency(tags) {
    if (tags.name !== void 0) return this.routes.get(tags.name)?.hist;
    if (tags.scenario !== void 0) return this.scenarios.get(tags.scenario)?.hist;
    return this.overall;
  }
  counts(tags) {
    if (tags.name !== void 0) {
      const r2 = this.routes.get(tags.name);
      return r2 && { ...r2, iterations: 0, dropped: 0 };
    }
    if (tags.scenario !== void 0) return this.scenarios.get(tags.scenario);
    return this.totals;
  }
  /** The serialisable form (shards, results). */
  toData(thresholds) {
    return {
      elapsedMs: this.elapsedMs,
      counts: { ...this.totals },
      errors: { ...this.errors },
      status: { ...this.status },
      latency: this.overall.encode(),
      lag: this.lagHist.encode(),
      routes: [...this.routes.values()].map(({ hist, ...rest }) => ({ ...rest, latency: hist.encode() })),
      scenarios: [...this.scenarios.entries()].map(([name, { hist, ...rest }]) => ({ name, ...rest, latency: hist.encode() })),
      series: [...this.seconds.values()].sort((a, b3) => a.second - b3.second).map(({ latency, ...rest }) => ({ ...rest, latency: latency.encode() })),
      stages: [...this.stages.values()].sort((a, b3) => a.index - b3.index).map(({ hist, ...rest }) => ({ ...rest, latency: hist.encode() })),
      thresholds,
      vusMax: this.vusMax
    };
  }
  /** Merge the data of several runs (shards of one burst) exactly: counts add, histograms add. */
  static fromData(parts) {
    const agg = new _BurstAggregate();
    for (const part of parts) {
      agg.elapsedMs = Math.max(agg.elapsedMs, part.elapsedMs);
      agg.overall.add(LatencyHistogram.decode(part.latency));
      agg.lagHist.add(LatencyHistogram.decode(part.lag));
      for (const key of TOTAL_KEYS) agg.totals[key] += part.counts[key];
      mergeCounts(agg.errors, part.errors);
      mergeCounts(agg.status, part.status);
      for (const r2 of part.routes) agg.addRoute(r2, LatencyHistogram.decode(r2.latency));
      for (const s of part.scenarios) agg.addScenario(s.name, s, LatencyHistogram.decode(s.latency), s.iterations, s.dropped);
      for (const p2 of part.series) agg.addSecond(p2.second, p2, p2.vus, LatencyHistogram.decode(p2.latency));
      for (const s of part.stages) {
        let acc = agg.stages.get(s.index);
        if (!acc) {
          acc = { index: s.index, label: s.label, hist: new LatencyHistogram() };
          agg.stages.set(s.index, acc);
        }
        acc.hist.add(LatencyHistogram.decode(s.latency));
      }
    }
    return agg;
  }
};
function mergeCounts(into, from) {
  for (const key in from) into[key] = (into[key] ?? 0) + (from[key] ?? 0);
}

// src/core/burst/notes.ts
var ms = (value) => `${Math.round(value).toLocaleString("en-US")} ms`;
var CLASS_WORDS = {
  timeout: "timed out",
  refused: "connection refused",
  closed: "connection closed by the server",
  dns: "DNS lookup failed",
  tls: "TLS handshake failed",
  network: "other network errors",
  http5xx: "HTTP 5xx",
  http429: "HTTP 429 (rate limited)",
  http4xx: "other HTTP 4xx",
  capture: "a journey step could not run (a value it needs was not captured)"
};
function errorsInWords(errors) {
  return Object.entries(errors).filter(([, n]) => (n ?? 0) > 0).sort((a, b3) => (b3[1] ?? 0) - (a[1] ?? 0)).map(([cls, n]) => `${(n ?? 0).toLocaleString("en-US")} ${CLASS_WORDS[cls] ?? cls}`).join(", ");
}
function bottleneckNotes(agg, routes, timeoutMs) {
  const notes = [];
  const measured = routes.filter((r2) => r2.requests > 0);
  const slowest = [...measured].sort((a, b3) => b3.latency.p95 - a.latency.p95)[0];
  if (slowest && measured.length > 1) {
    notes.push(
      `Slowest route: ${slowest.name} (${slowest.method} ${slowest.url}), p95 ${ms(slowest.latency.p95)} and p99 ${ms(slowest.latency.p99)} over ${slowest.requests.toLocaleString("en-US")} requests.`
    );
  }
  const knee = kneeNote(agg);
  if (knee) notes.push(knee);
  const errors = errorsInWords(agg.errors);
  if (errors)
    notes.push(`Failed requests by cause: ${errors}${agg.errors.timeout ? ` (a timeout is a request with no full answer within ${ms(timeoutMs)})` : ""}.`);
  for (const post of measured.filter((r2) => r2.method === "POST" || r2.method === "PUT" || r2.method === "PATCH")) {
    const page = measured.find((r2) => r2.method === "GET" && r2.url.split("?")[0] === post.url.split("?")[0]);
    if (page && post.latency.p50 > 3 * page.latency.p50 && post.latency.p50 - page.latency.p50 > 200) {
      notes.push(
        `${post.method} ${post.url} takes ${ms(post.latency.p50)} at the median against ${ms(page.latency.p50)} for its page GET: work such as sending email probably runs inside the request. Queue it (a background job) and answer at once.`
      );
    }
  }
  if ((agg.errors.http429 ?? 0) > 0) {
    notes.push(
      `${(agg.errors.http429 ?? 0).toLocaleString("en-US")} answers were 429: a rate limiter throttled this one machine's load. Real visitors come from many addresses; allow the load generator's address, or shard the burst over several runners.`
    );
  }
  if (agg.totals.dropped > 0) {
    notes.push(
      `${agg.totals.dropped.toLocaleString("en-US")} iterations could not start on schedule because every VU was busy (maxVUs reached): the server was slower than the arrival rate needs.`
    );
  }
  if (agg.lagHist.count > 0 && agg.lagHist.percentileMs(99) > 50) {
    notes.push(
      `The load generator itself started iterations up to ${ms(agg.lagHist.percentileMs(99))} late (p99): latency includes that delay, so this machine was part of the bottleneck. Use --shard over more runners.`
    );
  }
  return notes;
}
function kneeNote(agg) {
  const stages = [...agg.stages.values()].filter((s) => s.hist.count > 0).sort((a, b3) => a.index - b3.index);
  if (stages.length < 2) return void 0;
  const first = stages[0];
  const last = stages[stages.length - 1];
  const p0 = first.hist.percentileMs(95);
  const p1 = last.hist.percentileMs(95);
  if (p1 > 2 * p0 && p1 - p0 > 100) {
    return `Latency grew with the load: p95 ${ms(p0)} in the first ramp stage (${first.label}) and ${ms(p1)} in the last (${last.label}), ${(p1 / Math.max(p0, 1e-3)).toFixed(1)}x: the knee is inside the ramp.`;
  }
  return `Latency held over the ramp: p95 ${ms(p0)} in the first stage (${first.label}), ${ms(p1)} in the last (${last.label}).`;
}

// src/core/burst/report.ts
var round = (n, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
var pct = (n) => `${(n * 100).toFixed(n > 0 && n < 1e-3 ? 2 : 1)}%`;
var ms2 = (value) => `${Math.round(value).toLocaleString("en-US")} ms`;
function buildBurstReport(input) {
  const { agg } = input;
  const elapsed = Math.max(agg.elapsedSeconds, 1e-3);
  const total = agg.totals;
  const overall = agg.overall.summary();
  const routes = [...agg.routes.values()].map((r2) => ({
    name: r2.name,
    method: r2.method,
    url: r2.url,
    requests: r2.requests,
    failed: r2.failed,
    latency: r2.hist.summary()
  }));
  const thresholds = input.thresholds.map((t2) => evaluateThreshold(t2, agg));
  const checksTotal = total.checksPassed + total.checksFailed;
  const metrics = {
    target: input.target,
    requests: total.requests,
    rps: round(total.requests / elapsed, 1),
    errorRate: total.requests ? round(total.failed / total.requests, 4) : 0,
    latencyMs: latencyOf(overall),
    routes: routes.map((r2) => ({
      name: r2.name,
      method: r2.method,
      url: r2.url,
      requests: r2.requests,
      errorRate: r2.requests ? round(r2.failed / r2.requests, 4) : 0,
      latencyMs: latencyOf(r2.latency)
    })),
    thresholds: thresholds.map(({ metric, expression, ok, actual }) => ({ metric, expression, ok, actual })),
    iterations: total.iterations,
    droppedIterations: total.dropped,
    timeouts: agg.errors.timeout ?? 0,
    statusCodes: { ...agg.status },
    errorsByClass: { ...agg.errors },
    checks: { passed: total.checksPassed, failed: total.checksFailed, rate: checksTotal ? round(total.checksPassed / checksTotal, 4) : null },
    vusMax: agg.vusMax,
    durationSeconds: round(agg.elapsedSeconds, 1),
    plannedSeconds: input.plannedSeconds,
    bytesReceived: total.bytes,
    loadGeneratorLagMs: { p99: agg.lagHist.percentileMs(99), max: agg.lagHist.summary().max },
    series: seriesOf(agg).map((p2) => ({ second: p2.second, requests: p2.requests, errors: p2.failed, p50: p2.p50, p95: p2.p95, p99: p2.p99, vus: p2.vus }))
  };
  if (input.threads !== void 0) metrics.threads = input.threads;
  if (input.stopped) metrics.stopped = input.stopped;
  if (input.shard) metrics.shard = input.shard;
  if (input.keepData) metrics.shardData = agg.toData(input.thresholds);
  const findings = [...thresholdFindings(input, thresholds, routes), ...runFindings(input)];
  const blocks = blocksOf(input, thresholds, routes);
  return { summary: summaryOf(input, thresholds, routes.length), metrics, findings, blocks, thresholds };
}
function latencyOf(s) {
  return { min: s.min, p50: s.p50, p90: s.p90, p95: s.p95, p99: s.p99, max: s.max, avg: round(s.avg, 1) };
}
function seriesOf(agg) {
  return [...agg.seconds.values()].sort((a, b3) => a.second - b3.second).map((p2) => ({
    second: p2.second,
    requests: p2.requests,
    failed: p2.failed,
    vus: p2.vus,
    p50: p2.latency.percentileMs(50),
    p95: p2.latency.percentileMs(95),
    p99: p2.latency.percentileMs(99)
  }));
}
function summaryOf(input, thresholds, routeCount) {
  const { agg } = input;
  const t2 = agg.totals;
  const passed = thresholds.filter((r2) => r2.ok).length;
  const parts = [
    `${t2.requests.toLocaleString("en-US")} requests in ${Math.round(agg.elapsedSeconds)} s (${(t2.requests / Math.max(agg.elapsedSeconds, 1e-3)).toFixed(1)}/s, ${routeCount} route${routeCount === 1 ? "" : "s"}, up to ${agg.vusMax} VUs)`,
    `p95 ${ms2(agg.overall.percentileMs(95))}, ${pct(t2.requests ? t2.failed / t2.requests : 0)} failed`,
    `${passed} of ${thresholds.length} thresholds passed`
  ];
  const stop = input.stopped ? `; stopped early at ${Math.round(input.stopped.atSeconds)} s of ${input.plannedSeconds} s: ${input.stopped.reason} (partial results)` : "";
  return `Launch burst: ${parts.join("; ")}${stop}`;
}
function thresholdFindings(input, results, routes) {
  const out = [];
  input.thresholds.forEach((threshold, i) => {
    const result = results[i];
    if (result.ok || result.actual === null && input.stopped) return;
    const route = threshold.tags.name !== void 0 ? input.agg.routes.get(threshold.tags.name) : void 0;
    const where2 = route ? `${route.name} (${route.method} ${route.url})` : threshold.tags.name !== void 0 ? threshold.tags.name : threshold.tags.scenario ? `scenario ${threshold.tags.scenario}` : "all routes";
    const paths = route ? route.criticalPath ? [route.criticalPath] : [] : [...new Set([...input.agg.routes.values()].flatMap((r2) => r2.criticalPath ? [r2.criticalPath] : []))];
    const rate2 = threshold.aggregation === "rate" && (threshold.metric === "http_req_failed" || threshold.metric === "checks");
    const actual = result.actual === null ? "nothing measured (no request got that far)" : threshold.metric === "http_req_duration" ? ms2(result.actual) : rate2 ? pct(result.actual) : String(result.actual);
    const latency = threshold.metric === "http_req_duration";
    const severity = latency || threshold.metric === "http_req_failed" ? "blocker" : "high";
    const finding = {
      ruleId: latency ? "burst-latency-threshold" : threshold.metric === "http_req_failed" ? "burst-error-threshold" : "burst-threshold",
      severity,
      title: `${threshold.metricText} ${threshold.expression} failed under the launch burst on ${where2}: ${actual}`,
      fix: fixFor(threshold.metric, route ? routes.find((r2) => r2.name === route.name) : void 0, input),
      paths,
      evidence: `${threshold.metricText}: ${threshold.expression}, measured ${actual} over ${input.agg.totals.requests} requests`,
      fingerprint: `burst:${threshold.metricText}:${threshold.expression}`
    };
    finding.location = { url: route ? new URL(route.url, input.target).href : input.target };
    out.push(finding);
  });
  return out;
}
function fixFor(metric, route, input) {
  if (metric === "http_req_failed") {
    const errors = errorsInWords(input.agg.errors);
    return `fix what fails under load first (${errors || "see the status codes"}): raise the server's connection and worker limits, add capacity, or fix the failing handler`;
  }
  if (metric === "http_req_duration") {
    const which = route ? `the ${route.name} handler` : "the slowest route (see the route table)";
    return `profile ${which} under load: look for a slow query (add an index), work done inside the request (send email from a queue), or too few workers/connections; then re-run the burst`;
  }
  if (metric === "checks") return "see which checks failed in the route table: the journey got wrong answers under load (errors pages, missing content)";
  return "see the burst report for what fell short and re-run after the fix";
}
function runFindings(input) {
  const out = [];
  const { agg } = input;
  if (input.stopped?.kind === "error-rate") {
    out.push({
      ruleId: "burst-aborted",
      severity: "blocker",
      title: `The launch burst was stopped after ${Math.round(input.stopped.atSeconds)} s: ${input.stopped.reason}`,
      fix: `make ${input.target} answer under load first (${errorsInWords(agg.errors) || "see the status codes"}); the burst stops early so a broken target is not hammered`,
      location: { url: input.target },
      fingerprint: "burst:aborted"
    });
  }
  if (agg.totals.dropped > 0) {
    out.push({
      ruleId: "burst-dropped-iterations",
      severity: "medium",
      title: `${agg.totals.dropped.toLocaleString("en-US")} journeys could not start on schedule: every VU was busy waiting for the server`,
      fix: "the server is slower than the planned arrival rate: fix the slow routes, or raise maxVUs to measure how slow it gets",
      location: { url: input.target },
      fingerprint: "burst:dropped"
    });
  }
  return out;
}
function blocksOf(input, thresholds, routes) {
  const { agg } = input;
  const elapsed = Math.max(agg.elapsedSeconds, 1e-3);
  const blocks = [];
  blocks.push({
    kind: "table",
    title: "Thresholds",
    columns: ["metric", "threshold", "measured", "pass"],
    rows: thresholds.map((t2) => [t2.metric, t2.expression, t2.actual, t2.ok]),
    note: "latency in ms, rates from 0 to 1 (k6 syntax)"
  });
  blocks.push({
    kind: "table",
    title: "Routes",
    columns: ["route", "method", "url", "requests", "req/s", "failed", "p50", "p95", "p99", "max"],
    rows: routes.map((r2) => [
      r2.name,
      r2.method,
      r2.url,
      r2.requests,
      round(r2.requests / elapsed, 1),
      pct(r2.requests ? r2.failed / r2.requests : 0),
      r2.latency.p50,
      r2.latency.p95,
      r2.latency.p99,
      r2.latency.max
    ]),
    note: "latency in ms, from HDR histograms (exact to 0.1%); open-model latency counts from the scheduled start"
  });
  const series = seriesOf(agg);
  if (series.length > 1) {
    blocks.push({
      kind: "series",
      title: "Latency over time",
      xLabel: "second",
      yLabel: "ms",
      x: series.map((p2) => p2.second + 1),
      series: [
        { name: "p50", values: series.map((p2) => p2.requests ? p2.p50 : null) },
        { name: "p95", values: series.map((p2) => p2.requests ? p2.p95 : null) },
        { name: "p99", values: series.map((p2) => p2.requests ? p2.p99 : null) }
      ]
    });
  }
  const responses = [
    ...Object.entries(agg.status).sort(([a], [b3]) => a.localeCompare(b3)).map(([code, n]) => [`HTTP ${code}`, n]),
    ...Object.entries(agg.errors).filter(([cls]) => !cls.startsWith("http")).map(([cls, n]) => [cls, n ?? 0])
  ];
  if (responses.length > 0) blocks.push({ kind: "table", title: "Responses", columns: ["answer", "count"], rows: responses });
  const notes = bottleneckNotes(agg, routes, input.timeoutMs);
  if (input.stopped)
    notes.unshift(
      `Stopped early at ${Math.round(input.stopped.atSeconds)} s of ${input.plannedSeconds} s: ${input.stopped.reason}. Figures cover the part that ran.`
    );
  if (notes.length > 0) blocks.push({ kind: "notes", title: "Bottlenecks", items: notes });
  return blocks;
}

// src/stages/burst/abuse.ts
var LIMIT_HEADER = /^(retry-after|ratelimit|ratelimit-.*|x-ratelimit-.*|x-rate-limit-.*)$/i;
function abuseVerdict(spec, target, seen) {
  const first = seen.burst.findIndex((a) => a.status === 429);
  const limited = first !== -1 && first < spec.limit;
  const limitHeaders = limited && seen.burst[first].limitHeaders;
  const normal429 = seen.normal.filter((a) => a.status === 429).length;
  const url = new URL(spec.path, target).href;
  const path = guessCriticalPath(spec.name, spec.path);
  const base = { location: { url }, ...path ? { paths: [path] } : {} };
  const findings = [];
  if (!limited) {
    const errors = seen.burst.filter((a) => a.status === null || a.status >= 500).length;
    findings.push({
      ...base,
      ruleId: "burst-abuse-no-rate-limit",
      severity: "high",
      title: `${spec.name} answered ${seen.burst.length} fast requests from one client without a 429${errors ? ` (${errors} failed instead)` : ""}: nothing stops credential stuffing or sign-up spam`,
      fix: `rate-limit ${spec.name} per client (IP and account), e.g. 10 requests a minute, answering 429 with Retry-After; at the edge (Cloudflare rate limiting rules) or in the app`,
      fingerprint: `burst:abuse:no-limit:${spec.name}`
    });
  } else if (!limitHeaders) {
    findings.push({
      ...base,
      ruleId: "burst-abuse-429-without-retry-after",
      severity: "low",
      title: `${spec.name} rate-limits (429 after ${first + 1} requests) but does not say when to retry`,
      fix: "send Retry-After (or the RateLimit headers) with the 429 so well-behaved clients back off instead of retrying at once",
      fingerprint: `burst:abuse:no-retry-after:${spec.name}`
    });
  }
  if (normal429 > 0) {
    findings.push({
      ...base,
      ruleId: "burst-abuse-blocks-legitimate",
      severity: "high",
      title: `${spec.name} answered 429 to ${normal429} of ${seen.normal.length} requests at a legitimate user's pace (${spec.normalRate}/s)`,
      fix: "loosen the limit for normal use (a real user must never see 429), e.g. a larger burst allowance with the same sustained limit, or limit per account as well as per IP",
      fingerprint: `burst:abuse:blocks-legitimate:${spec.name}`
    });
  }
  const block = {
    kind: "table",
    title: "Abuse probe",
    columns: ["check", "expected", "seen", "pass"],
    rows: [
      [
        `fast burst on ${spec.name}`,
        `429 before ${spec.limit} requests`,
        limited ? `429 after ${first + 1}${limitHeaders ? " with Retry-After/RateLimit" : ", no Retry-After"}` : `no 429 in ${seen.burst.length}`,
        limited
      ],
      [`${spec.normalRequests} requests at ${spec.normalRate}/s`, "no 429", normal429 ? `${normal429} \xD7 429` : "no 429", normal429 === 0]
    ]
  };
  const verdict = { limited, limitHeaders, legitimateOk: normal429 === 0, normal429, findings, block };
  if (limited) verdict.limitedAfter = first + 1;
  return verdict;
}
async function probeAbuse(spec, pool, sleep2, stopped, timeoutMs) {
  const request = () => {
    const headers = { ...spec.headers };
    let body;
    if (spec.body?.kind === "json") {
      body = JSON.stringify(spec.body.value);
      headers["content-type"] ??= "application/json";
    } else if (spec.body?.kind === "form") {
      body = new URLSearchParams(spec.body.value).toString();
      headers["content-type"] ??= "application/x-www-form-urlencoded";
    } else if (spec.body) body = spec.body.value;
    return pool.request({ url: `${spec.origin}${spec.path}`, method: spec.method, headers, timeoutMs, discardBody: true, ...body !== void 0 ? { body } : {} }).then(
      (r2) => ({ status: r2.status, limitHeaders: Object.keys(r2.headers).some((h3) => LIMIT_HEADER.test(h3)) }),
      (error) => ({ status: null, error: classifyError(error), limitHeaders: false })
    );
  };
  const normal = [];
  for (let i = 0; i < spec.normalRequests && !stopped(); i++) {
    if (i > 0) await sleep2(1e3 / spec.normalRate);
    normal.push(await request());
  }
  await sleep2(spec.cooldownMs);
  const burst = [];
  let sent = 0;
  let limited = false;
  const lane = async () => {
    while (!limited && !stopped() && sent < spec.limit) {
      sent++;
      const answer = await request();
      burst.push(answer);
      if (answer.status === 429) limited = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.limit) }, lane));
  return { normal, burst };
}

// src/stages/burst/run.ts
function threadCount(options, cores = availableParallelism()) {
  if (options.workers !== "auto") return options.workers;
  const rate2 = options.scenarios.reduce((sum, s) => sum + peakArrivalRate(s.executor) * s.steps.length, 0);
  const vus = options.scenarios.reduce((sum, s) => sum + peakVUs(s.executor), 0);
  const wanted = Math.max(Math.ceil(rate2 / 3e3), Math.ceil(vus / 500));
  return Math.max(1, Math.min(wanted, cores - 1, 8));
}
function loopPlans(options, threads, startAt) {
  const shards = options.shard?.count ?? 1;
  return Array.from({ length: threads }, (_3, worker) => ({
    scenarios: options.scenarios,
    share: composeShare(options.shard, worker, threads),
    timeoutMs: options.timeoutMs,
    maxRate: options.limits.maxRate / shards / threads,
    startAt
  }));
}
function stageMap(scenarios) {
  const ramp = scenarios.find((s) => s.executor.kind === "ramping-vus" || s.executor.kind === "ramping-arrival-rate");
  if (!ramp || ramp.executor.kind !== "ramping-vus" && ramp.executor.kind !== "ramping-arrival-rate") return () => void 0;
  const executor = ramp.executor;
  const unit = executor.kind === "ramping-vus" ? "VUs" : "iterations/s";
  const bounds = [];
  let at2 = ramp.startTimeMs;
  let prev = executor.kind === "ramping-vus" ? executor.startVUs : executor.startRate;
  for (const stage of executor.stages) {
    bounds.push({ from: at2, to: at2 + stage.durationMs, label: prev === stage.target ? `${stage.target} ${unit}` : `${prev}\u2192${stage.target} ${unit}` });
    at2 += stage.durationMs;
    prev = stage.target;
  }
  return (second) => {
    const mid = second * 1e3 + 500;
    const index = bounds.findIndex((b3) => mid >= b3.from && mid < b3.to);
    return index === -1 ? void 0 : { index, label: bounds[index].label };
  };
}
async function runBurst(ctx, options, makePool) {
  const createPool = makePool ?? (ctx.services ? (origin, connections) => ctx.services.http.pool(origin, { connections }) : poolFactory(ctx.network));
  const extraFindings = [];
  const extraBlocks = [];
  if (options.abuse && (options.shard?.index ?? 1) === 1 && !ctx.signal.aborted) {
    ctx.progress(`abuse probe: ${options.abuse.name}`);
    const pool = createPool(options.abuse.origin, options.abuse.concurrency);
    const sleep2 = (ms4) => new Promise((resolve10) => setTimeout(resolve10, ms4).unref());
    try {
      const seen = await probeAbuse(options.abuse, pool, sleep2, () => ctx.signal.aborted, options.timeoutMs);
      const verdict = abuseVerdict(options.abuse, options.target, seen);
      extraFindings.push(...verdict.findings);
      extraBlocks.push(verdict.block);
    } finally {
      await pool.close().catch(() => void 0);
    }
  }
  const plannedMs = Math.max(...options.scenarios.map((s) => s.startTimeMs + scenarioDurationMs(s.executor)));
  const agg = new BurstAggregate(stageMap(options.scenarios));
  const threads = threadCount(options);
  let startAt = Date.now() + 100;
  let stopped;
  const loops = startLoops(loopPlans(options, threads, startAt), ctx.network, (w2) => agg.add(w2), createPool);
  startAt = await loops.started;
  const stop = (why) => {
    if (stopped) return;
    stopped = why;
    loops.stop();
  };
  const onAbort = () => stop({ kind: "signal", reason: `cancelled (${signalName(ctx.signal.reason)})`, atSeconds: (Date.now() - startAt) / 1e3 });
  if (ctx.signal.aborted) onAbort();
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  const tick = setInterval(() => {
    const elapsedMs = Date.now() - startAt;
    agg.elapsedMs = elapsedMs;
    const why = abortReason(options, agg, elapsedMs);
    if (why) stop(why);
    ctx.progress(progressLine(agg, elapsedMs, plannedMs));
  }, 1e3);
  try {
    await loops.done;
  } finally {
    clearInterval(tick);
    ctx.signal.removeEventListener("abort", onAbort);
  }
  agg.elapsedMs = stopped ? Math.min(Date.now() - startAt, plannedMs) : plannedMs;
  const shard = options.shard ? { index: options.shard.index, count: options.shard.count } : void 0;
  const report = buildBurstReport({
    agg,
    thresholds: options.thresholds,
    target: options.target,
    timeoutMs: options.timeoutMs,
    plannedSeconds: Math.round(plannedMs / 1e3),
    threads: loops.threads,
    keepData: options.shard !== void 0,
    ...stopped ? { stopped } : {},
    ...shard ? { shard } : {}
  });
  const outcome = {
    summary: options.shard ? `${report.summary} (shard ${options.shard.index}/${options.shard.count})` : report.summary,
    findings: [...report.findings, ...extraFindings],
    metrics: report.metrics,
    blocks: [...report.blocks, ...extraBlocks],
    // The critical paths whose routes were measured, not every path a burst could speak to.
    checkedPaths: [...new Set([...agg.routes.values()].filter((r2) => r2.requests > 0).flatMap((r2) => r2.criticalPath ? [r2.criticalPath] : []))]
  };
  return outcome;
}
function abortReason(options, agg, elapsedMs) {
  const now = Math.floor(elapsedMs / 1e3);
  if (options.abort.enabled) {
    const windowSeconds = Math.max(1, Math.round(options.abort.windowMs / 1e3));
    const recent = agg.window(now - windowSeconds, now + 1);
    if (recent.requests >= options.abort.minRequests && recent.failed / recent.requests > options.abort.errorRate) {
      return {
        kind: "error-rate",
        reason: `${Math.round(recent.failed / recent.requests * 100)}% of ${recent.requests} requests failed in the last ${windowSeconds} s (the abort rule stops above ${Math.round(options.abort.errorRate * 100)}%)`,
        atSeconds: elapsedMs / 1e3
      };
    }
  }
  for (const threshold of options.thresholds) {
    if (!threshold.abortOnFail || elapsedMs < threshold.delayAbortEvalMs) continue;
    const result = evaluateThreshold(threshold, agg);
    if (!result.ok && result.actual !== null) {
      return {
        kind: "threshold",
        reason: `threshold ${threshold.metricText} ${threshold.expression} failed (measured ${result.actual}) and has abortOnFail`,
        atSeconds: elapsedMs / 1e3
      };
    }
  }
  return void 0;
}
function progressLine(agg, elapsedMs, plannedMs) {
  const t2 = agg.totals;
  const last = agg.seconds.get(Math.floor(elapsedMs / 1e3) - 1);
  return `${Math.round(elapsedMs / 1e3)}s/${Math.round(plannedMs / 1e3)}s: ${t2.requests} requests, ${last?.requests ?? 0}/s, p95 ${agg.overall.percentileMs(95)} ms, ${t2.requests ? (t2.failed / t2.requests * 100).toFixed(1) : "0.0"}% failed, ${last?.vus ?? 0} VUs`;
}
function signalName(reason) {
  if (typeof reason === "string") return reason;
  if (reason instanceof Error) return reason.message;
  return "stopped";
}

// src/stages/burst/index.ts
function parseBurstOptions(section, baseDir) {
  if (typeof section.target !== "string") return { ...UNCONFIGURED };
  const { options, problems } = parseBurstConfig(section, baseDir);
  if (!options) throw new UsageError(problems.map((p2) => `burst.${p2.path.join(".")}: ${p2.message}`).join("\n"));
  return options;
}
var UNCONFIGURED = {
  target: "",
  origin: "",
  scenarios: [],
  thresholds: [],
  defaultThresholds: true,
  launchSpike: true,
  timeoutMs: 1e4,
  abort: { enabled: true, errorRate: 0.5, windowMs: 5e3, minRequests: 10 },
  limits: DEFAULT_LIMITS,
  workers: "auto"
};
function isParsed(options) {
  return isRecord(options) && Array.isArray(options.scenarios) && typeof options.origin === "string";
}
function writeK6(file, script) {
  try {
    writeFileSync(file, script);
  } catch (error) {
    const code = errorCode(error) ?? "unwritable";
    throw new Error(`cannot write the k6 script to ${file} (${code}); give --export-k6 (burst.exportK6) a path in an existing folder`, { cause: error });
  }
}
var burstStage = {
  id: "burst",
  phase: "load",
  graceSeconds: 5,
  title: "Launch burst",
  description: "the first customer journey holds a launch burst (p95, error rate, per route)",
  built: true,
  checks: { paths: ["signup", "checkout", "login", "homepage"], locations: true },
  configSchema: burstConfigSchema,
  flags: burstFlags,
  notConfigured: (section) => typeof section.target === "string" ? void 0 : "Launch burst: no burst.target configured; add burst: {target: https://staging.example.com} or pass --target URL",
  parseOptions: parseBurstOptions,
  validateConfig: (section, baseDir) => typeof section.target === "string" ? parseBurstConfig(section, baseDir).problems : [],
  run: async (ctx) => {
    const given = ctx.options;
    const options = isParsed(given) ? given : parseBurstOptions(isRecord(given) ? given : {}, ctx.baseDir);
    if (options.exportK6) writeK6(options.exportK6, exportK6(options));
    return runBurst(ctx, options);
  }
};

// src/stages/env/index.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import { resolve as resolve3 } from "node:path";

// src/stages/env/target.ts
function lookup(env, name) {
  let emptyHit;
  for (const source of env.sources) {
    const variable = source.variables.get(name);
    if (!variable) continue;
    const empty = variable.value !== void 0 && variable.value.trim() === "";
    if (!empty) return { source, variable, empty };
    emptyHit ??= { source, variable, empty };
  }
  return emptyHit;
}
function describeSources(env) {
  const labels = env.sources.map((s) => s.label);
  if (labels.length <= 1) return labels[0] ?? "no source";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

// src/stages/env/names.ts
var SECRET_TOKENS = /* @__PURE__ */ new Set([
  "SECRET",
  "SECRETS",
  "PASSWORD",
  "PASSWD",
  "PASS",
  "PWD",
  "PASSPHRASE",
  "TOKEN",
  "CREDENTIAL",
  "CREDENTIALS",
  "APIKEY",
  "DSN",
  "DATASOURCE",
  "SALT",
  "PEPPER"
]);
var SECRET_LAST_TOKENS = /* @__PURE__ */ new Set(["KEY", "KEYS"]);
var CREDENTIAL_URLS = ["DATABASE_URL", "DATABASE_URI", "DB_URL", "REDIS_URL", "MONGODB_URI", "MONGO_URL", "AMQP_URL", "BROKER_URL", "CONNECTION_STRING"];
var FLAG_TOKENS = /* @__PURE__ */ new Set([
  "DISABLE",
  "DISABLED",
  "ENABLE",
  "ENABLED",
  "ALLOW",
  "ALLOWED",
  "IS",
  "HAS",
  "USE",
  "SHOW",
  "HIDE",
  "SKIP",
  "REQUIRE",
  "REQUIRED",
  "FEATURE",
  "FLAG"
]);
var DESCRIPTOR_LAST_TOKENS = /* @__PURE__ */ new Set([
  "PATH",
  "FILE",
  "DIR",
  "NAME",
  "ID",
  "ARN",
  "LENGTH",
  "LEN",
  "MIN",
  "MAX",
  "TTL",
  "EXPIRY",
  "EXPIRES",
  "EXPIRATION",
  "AGE",
  "LIFETIME",
  "TIMEOUT",
  "HEADER",
  "PREFIX",
  "HOST",
  "PORT",
  "USER",
  "USERNAME",
  "REGION",
  "TEMPLATE",
  "ENDPOINT",
  "ALGORITHM",
  "TYPE",
  "MODE",
  "COOKIE",
  "FIELD",
  "PARAM",
  "VERSION"
]);
var PUBLIC_BY_DESIGN = [
  ["PUBLISHABLE"],
  ["PUBLIC", "KEY"],
  ["ANON", "KEY"],
  ["SITE", "KEY"],
  ["PK"],
  ["PUBLIC", "TOKEN"],
  ["MAPBOX", "TOKEN"],
  ["CLIENT", "ID"],
  ["VAPID", "PUBLIC"]
];
var CLIENT_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "GATSBY_", "PUBLIC_"];
var PLATFORM_PROVIDED = /* @__PURE__ */ new Set([
  "NODE_ENV",
  "PATH",
  "HOME",
  "PWD",
  "USER",
  "SHELL",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "TZ",
  "CI",
  "PORT",
  "HOSTNAME",
  "NODE_OPTIONS",
  "NODE_DEBUG",
  "DEBUG",
  "TERM",
  "FORCE_COLOR",
  "NO_COLOR",
  "npm_package_version",
  "npm_lifecycle_event",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "BASE_URL",
  "NEXT_RUNTIME",
  "VERCEL",
  "VERCEL_ENV",
  "VERCEL_URL",
  "RENDER",
  "FLY_APP_NAME",
  "DJANGO_SETTINGS_MODULE",
  "PYTHONPATH",
  "VIRTUAL_ENV"
]);
var PLATFORM_PREFIXES = ["RUNNER_", "VERCEL_", "NETLIFY_", "RENDER_", "FLY_", "RAILWAY_", "HEROKU_", "AWS_LAMBDA_", "npm_"];
var GITHUB_RUNNER = /* @__PURE__ */ new Set([
  "GITHUB_ACTION",
  "GITHUB_ACTION_PATH",
  "GITHUB_ACTION_REPOSITORY",
  "GITHUB_ACTIONS",
  "GITHUB_ACTOR",
  "GITHUB_ACTOR_ID",
  "GITHUB_API_URL",
  "GITHUB_BASE_REF",
  "GITHUB_ENV",
  "GITHUB_EVENT_NAME",
  "GITHUB_EVENT_PATH",
  "GITHUB_GRAPHQL_URL",
  "GITHUB_HEAD_REF",
  "GITHUB_JOB",
  "GITHUB_OUTPUT",
  "GITHUB_PATH",
  "GITHUB_REF",
  "GITHUB_REF_NAME",
  "GITHUB_REF_PROTECTED",
  "GITHUB_REF_TYPE",
  "GITHUB_REPOSITORY",
  "GITHUB_REPOSITORY_ID",
  "GITHUB_REPOSITORY_OWNER",
  "GITHUB_REPOSITORY_OWNER_ID",
  "GITHUB_RETENTION_DAYS",
  "GITHUB_RUN_ATTEMPT",
  "GITHUB_RUN_ID",
  "GITHUB_RUN_NUMBER",
  "GITHUB_SERVER_URL",
  "GITHUB_SHA",
  "GITHUB_STEP_SUMMARY",
  "GITHUB_TRIGGERING_ACTOR",
  "GITHUB_WORKFLOW",
  "GITHUB_WORKFLOW_REF",
  "GITHUB_WORKFLOW_SHA",
  "GITHUB_WORKSPACE",
  "GITHUB_TOKEN",
  "GITHUB_STATE"
]);
function tokensOf(name) {
  return name.toUpperCase().split("_").filter(Boolean);
}
function hasRun(tokens, run4) {
  for (let i = 0; i + run4.length <= tokens.length; i++) if (run4.every((t2, j3) => tokens[i + j3] === t2)) return true;
  return false;
}
function isSecretLooking(name) {
  const upper = name.toUpperCase();
  if (CREDENTIAL_URLS.some((url) => upper === url || upper.endsWith(`_${url}`))) return true;
  const tokens = tokensOf(name);
  if (tokens.length === 0 || tokens.some((t2) => FLAG_TOKENS.has(t2))) return false;
  if (PUBLIC_BY_DESIGN.some((run4) => hasRun(tokens, run4))) return false;
  const last = tokens[tokens.length - 1];
  if (DESCRIPTOR_LAST_TOKENS.has(last)) return false;
  if (SECRET_LAST_TOKENS.has(last) && tokens.length > 1) return true;
  if (hasRun(tokens, ["PRIVATE", "KEY"]) || hasRun(tokens, ["SERVICE", "ROLE"])) return true;
  return tokens.some((t2) => SECRET_TOKENS.has(t2));
}
function clientPrefixOf(name) {
  return CLIENT_PREFIXES.find((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}
function isServerSecretInClientBundle(name) {
  const prefix = clientPrefixOf(name);
  return prefix !== void 0 && isSecretLooking(name.slice(prefix.length));
}
function isPlatformProvided(name) {
  return PLATFORM_PROVIDED.has(name) || GITHUB_RUNNER.has(name) || PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix));
}
function isVariableName(name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

// src/stages/env/dotenv.ts
var KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
var DECORATOR = /@([A-Za-z][\w-]*)(?:=([^\s#]+))?/g;
function parseDotenv(text2) {
  const lines = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  const entries = [];
  const problems = [];
  const header = /* @__PURE__ */ new Map();
  let pending = /* @__PURE__ */ new Set();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.trim();
    const lineNo = i + 1;
    if (trimmed === "") {
      pending = /* @__PURE__ */ new Set();
      continue;
    }
    if (trimmed.startsWith("#")) {
      for (const match of trimmed.matchAll(DECORATOR)) {
        const name = match[1];
        if (name.startsWith("default") && entries.length === 0) header.set(name, match[2] ?? "true");
        else pending.add(name);
      }
      continue;
    }
    const body = trimmed.replace(/^export\s+/, "");
    const eq = body.indexOf("=");
    const key = eq === -1 ? body : body.slice(0, eq).trim();
    if (eq === -1 || !KEY.test(key)) {
      problems.push({ line: lineNo, message: eq === -1 ? 'not KEY=VALUE (no "=")' : "not KEY=VALUE (the name has characters a variable name cannot have)" });
      pending = /* @__PURE__ */ new Set();
      continue;
    }
    const rest = body.slice(eq + 1).replace(/^[ \t]+/, "");
    const quote = rest[0];
    let value;
    let trailing = "";
    if (quote === '"' || quote === "'" || quote === "`") {
      const closed = readQuoted(lines, i, raw.indexOf(rest) + 1, quote);
      if (!closed) {
        problems.push({ line: lineNo, message: `quoted value never closed (missing ${quote})` });
        pending = /* @__PURE__ */ new Set();
        continue;
      }
      value = quote === '"' ? unescapeDouble(closed.value) : closed.value;
      trailing = closed.trailing;
      i = closed.endLine;
      if (trailing.trim() !== "" && !trailing.trim().startsWith("#")) {
        problems.push({ line: lineNo, message: "text after the closing quote" });
      }
    } else {
      const hash = rest.search(/(^|\s)#/);
      value = (hash === -1 ? rest : rest.slice(0, hash)).trim();
      trailing = hash === -1 ? "" : rest.slice(hash);
    }
    const decorators = pending;
    for (const match of trailing.matchAll(DECORATOR)) decorators.add(match[1]);
    entries.push({ key, value, line: lineNo, decorators });
    pending = /* @__PURE__ */ new Set();
  }
  return { entries, problems, header };
}
function readQuoted(lines, start, column, quote) {
  const parts = [];
  let from = column;
  for (let line = start; line < lines.length; line++) {
    const text2 = lines[line];
    for (let j3 = from; j3 < text2.length; j3++) {
      const c3 = text2[j3];
      if (c3 === "\\" && quote === '"') {
        j3++;
        continue;
      }
      if (c3 === quote) {
        parts.push(text2.slice(from, j3));
        return { value: parts.join("\n"), trailing: text2.slice(j3 + 1), endLine: line };
      }
    }
    parts.push(text2.slice(from));
    from = 0;
  }
  return void 0;
}
function unescapeDouble(value) {
  return value.replace(/\\([nrt"\\])/g, (_3, c3) => ({ n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" })[c3] ?? c3);
}

// src/stages/env/discover/types.ts
function emptyDiscovery() {
  return { uses: [], declarations: [], dynamic: [], problems: [], envFrom: [], helpers: [], calls: [] };
}
var MAX_LINE = 16 * 1024;
function capLine(line) {
  return line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
}

// src/stages/env/discover/declared.ts
function isExampleFile(path) {
  return /(^|\/)\.env(\.[\w-]+)*\.(example|sample|template|dist)$/.test(path) || /(^|\/)(env\.(example|sample|template)|(example|sample|template)\.env)$/.test(path);
}
var COMMENTED_ITEM = /^\s*#\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=/;
function isSchemaFile(path) {
  return /(^|\/)\.env\.schema$/.test(path);
}
function discoverDeclared(file, text2) {
  const out = emptyDiscovery();
  const parsed = parseDotenv(text2);
  const schema = isSchemaFile(file);
  const defaultRequired = parsed.header.get("defaultRequired") === "true";
  const defaultSensitive = parsed.header.get("defaultSensitive") === "true";
  for (const entry of parsed.entries) {
    const d2 = entry.decorators;
    const declaration = { name: entry.key, file, line: entry.line, kind: schema ? "schema-file" : "example" };
    if (schema) {
      out.declarations.push({
        ...declaration,
        required: d2.has("optional") ? false : d2.has("required") || defaultRequired,
        sensitive: d2.has("sensitive") || defaultSensitive && !d2.has("public")
      });
    } else {
      out.declarations.push({ ...declaration, ...entry.value.trim() === "" ? { emptyValue: true } : {} });
    }
  }
  if (!schema) {
    const declared = new Set(parsed.entries.map((e) => e.key));
    const lines = text2.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m2 = COMMENTED_ITEM.exec(lines[i].slice(0, 512));
      if (!m2 || declared.has(m2[1])) continue;
      declared.add(m2[1]);
      out.declarations.push({ name: m2[1], file, line: i + 1, kind: "example", commented: true });
    }
  }
  for (const problem of parsed.problems) out.problems.push({ file, line: problem.line, message: problem.message });
  return out;
}

// src/stages/env/discover/js-tokens.ts
var REGEX_AFTER_KEYWORD = /* @__PURE__ */ new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
  "extends"
]);
var THREE_CHAR = /* @__PURE__ */ new Set(["...", "===", "!==", "??=", "||=", "&&=", "**=", "<<=", ">>=", ">>>"]);
var TWO_CHAR = /* @__PURE__ */ new Set(["?.", "??", "||", "&&", "=>", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "++", "--", "**", "<<", ">>"]);
function isIdentStart(c3) {
  return c3 >= 65 && c3 <= 90 || c3 >= 97 && c3 <= 122 || c3 === 95 || c3 === 36 || c3 > 127;
}
function isIdentPart(c3) {
  return isIdentStart(c3) || c3 >= 48 && c3 <= 57;
}
function tokenizeJs(src) {
  const tokens = [];
  const n = src.length;
  let i = 0;
  let line = 1;
  const braces = [];
  let regexAllowed = true;
  if (src.startsWith("#!")) {
    while (i < n && src.charCodeAt(i) !== 10) i++;
  }
  const scanTemplate = (startToken) => {
    const from = i;
    while (i < n) {
      const c3 = src.charCodeAt(i);
      if (c3 === 92) {
        if (src.charCodeAt(i + 1) === 10) line++;
        i += 2;
        continue;
      }
      if (c3 === 96) {
        if (startToken) startToken.value = src.slice(from, i);
        i++;
        regexAllowed = false;
        return;
      }
      if (c3 === 36 && src.charCodeAt(i + 1) === 123) {
        if (startToken) startToken.kind = 4 /* Template */;
        braces.push(true);
        i += 2;
        regexAllowed = true;
        return;
      }
      if (c3 === 10) line++;
      i++;
    }
  };
  while (i < n) {
    const c3 = src.charCodeAt(i);
    if (c3 === 10) {
      line++;
      i++;
      continue;
    }
    if (c3 === 32 || c3 === 9 || c3 === 13 || c3 === 11 || c3 === 12) {
      i++;
      continue;
    }
    if (c3 === 47) {
      const next = src.charCodeAt(i + 1);
      if (next === 47) {
        while (i < n && src.charCodeAt(i) !== 10) i++;
        continue;
      }
      if (next === 42) {
        const end = src.indexOf("*/", i + 2);
        const stop = end === -1 ? n : end + 2;
        for (let j3 = i; j3 < stop; j3++) if (src.charCodeAt(j3) === 10) line++;
        i = stop;
        continue;
      }
      if (regexAllowed) {
        i = skipRegex(src, i + 1);
        regexAllowed = false;
        continue;
      }
    }
    if (isIdentStart(c3)) {
      const start = i;
      i++;
      while (i < n && isIdentPart(src.charCodeAt(i))) i++;
      const value2 = src.slice(start, i);
      tokens.push({ kind: 1 /* Ident */, value: value2, line });
      regexAllowed = REGEX_AFTER_KEYWORD.has(value2);
      continue;
    }
    if (c3 >= 48 && c3 <= 57) {
      const start = i;
      i++;
      while (i < n) {
        const d2 = src.charCodeAt(i);
        if (isIdentPart(d2) || d2 === 46) i++;
        else if ((d2 === 43 || d2 === 45) && (src.charCodeAt(i - 1) | 32) === 101 && !/^0[xX]/.test(src.slice(start, start + 2))) i++;
        else break;
      }
      tokens.push({ kind: 5 /* Number */, value: src.slice(start, i), line });
      regexAllowed = false;
      continue;
    }
    if (c3 === 34 || c3 === 39) {
      const startLine = line;
      const start = ++i;
      while (i < n) {
        const d2 = src.charCodeAt(i);
        if (d2 === c3) break;
        if (d2 === 92) {
          if (src.charCodeAt(i + 1) === 10) line++;
          i += 2;
          continue;
        }
        if (d2 === 10) break;
        i++;
      }
      tokens.push({ kind: 3 /* String */, value: src.slice(start, i), line: startLine });
      if (src.charCodeAt(i) === c3) i++;
      regexAllowed = false;
      continue;
    }
    if (c3 === 96) {
      const token = { kind: 3 /* String */, value: "", line };
      tokens.push(token);
      i++;
      scanTemplate(token);
      continue;
    }
    if (c3 === 123) {
      braces.push(false);
      tokens.push({ kind: 2 /* Punct */, value: "{", line });
      i++;
      regexAllowed = true;
      continue;
    }
    if (c3 === 125) {
      i++;
      if (braces.pop() === true) {
        scanTemplate(void 0);
        continue;
      }
      tokens.push({ kind: 2 /* Punct */, value: "}", line });
      regexAllowed = false;
      continue;
    }
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    let value;
    if (THREE_CHAR.has(three)) value = three;
    else if (TWO_CHAR.has(two) && !(two === "?." && isDigit(src.charCodeAt(i + 2)))) value = two;
    else value = src[i];
    i += value.length;
    tokens.push({ kind: 2 /* Punct */, value, line });
    regexAllowed = value !== ")" && value !== "]" && value !== "++" && value !== "--";
  }
  return tokens;
}
function isDigit(c3) {
  return c3 >= 48 && c3 <= 57;
}
function skipRegex(src, from) {
  let i = from;
  let inClass = false;
  while (i < src.length) {
    const c3 = src.charCodeAt(i);
    if (c3 === 10) return i;
    if (c3 === 92) {
      i += 2;
      continue;
    }
    if (c3 === 91) inClass = true;
    else if (c3 === 93) inClass = false;
    else if (c3 === 47 && !inClass) {
      i++;
      while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
      return i;
    }
    i++;
  }
  return i;
}

// src/stages/env/discover/js-helpers.ts
var HEADER_WINDOW = 30;
var EXPRESSION_WINDOW = 300;
var CALL_NAME = /^[A-Z][A-Z0-9_]*$/;
function anyWithin(sorted, from, to2) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to2;
}
function paramsOf(tokens, open, close) {
  return topLevelEntries(tokens, open, close).map((entry) => tokens[entry.from]).filter((t2) => t2.kind === 1 /* Ident */).map((t2) => t2.value);
}
function bodyAfter(index, close, arrow) {
  const { tokens, partner } = index;
  const stop = Math.min(tokens.length, close + HEADER_WINDOW);
  for (let j3 = close + 1; j3 < stop; j3++) {
    const t2 = tokens[j3];
    if (arrow && isPunct(t2, "=>")) {
      if (isPunct(tokens[j3 + 1], "{")) return partner[j3 + 1] > j3 + 1 ? { from: j3 + 1, to: partner[j3 + 1] } : void 0;
      let depth = 0;
      const end = Math.min(tokens.length, j3 + EXPRESSION_WINDOW);
      for (let k2 = j3 + 1; k2 < end; k2++) {
        const u2 = tokens[k2];
        if (u2.kind !== 2 /* Punct */) continue;
        if (u2.value === "(" || u2.value === "[" || u2.value === "{") depth++;
        else if (u2.value === ")" || u2.value === "]" || u2.value === "}") {
          if (--depth < 0) return { from: j3 + 1, to: k2 };
        } else if ((u2.value === ";" || u2.value === ",") && depth === 0) return { from: j3 + 1, to: k2 };
      }
      return { from: j3 + 1, to: end };
    }
    if (!arrow && isPunct(t2, "{")) return partner[j3] > j3 ? { from: j3, to: partner[j3] } : void 0;
    if (isPunct(t2, ";")) return void 0;
  }
  return void 0;
}
function functionsOf(index) {
  const { tokens, partner } = index;
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t2 = tokens[i];
    if (t2.kind !== 1 /* Ident */) continue;
    let name;
    let open = -1;
    let arrow = false;
    if (t2.value === "function" && isIdent(tokens[i + 1]) && isPunct(tokens[i + 2], "(")) {
      name = tokens[i + 1];
      open = i + 2;
    } else if (isPunct(tokens[i + 1], "=") && !isPunct(tokens[i - 1], ".")) {
      let j3 = i + 2;
      if (isIdent(tokens[j3], "async")) j3++;
      if (isIdent(tokens[j3], "function") && isPunct(tokens[j3 + 1], "(")) open = j3 + 1;
      else if (isPunct(tokens[j3], "(")) {
        open = j3;
        arrow = true;
      }
      name = t2;
    }
    if (!name || open === -1) continue;
    const close = partner[open];
    if (close <= open) continue;
    const body = bodyAfter(index, close, arrow);
    if (body) out.push({ name: name.value, line: name.line, params: paramsOf(tokens, open, close), ...body });
  }
  return out;
}
function readJsHelpers(file, index, out) {
  const { tokens } = index;
  const reads = /* @__PURE__ */ new Map();
  const throws = [];
  for (let i = 0; i < tokens.length; i++) {
    const t2 = tokens[i];
    if (t2.kind !== 1 /* Ident */) continue;
    if (t2.value === "throw" || t2.value === "exit" && isPunct(tokens[i - 1], ".")) throws.push(i);
    const base = envBaseAt(tokens, i);
    if (base && isPunct(tokens[base.end], "[") && isIdent(tokens[base.end + 1]) && isPunct(tokens[base.end + 2], "]")) {
      const list = reads.get(tokens[base.end + 1].value) ?? [];
      list.push(i);
      reads.set(tokens[base.end + 1].value, list);
    } else if (!isPunct(tokens[i - 1], ".") && isPunct(tokens[i + 1], "(") && tokens[i + 2]?.kind === 3 /* String */ && CALL_NAME.test(tokens[i + 2].value)) {
      const after = tokens[i + 3];
      if (isPunct(after, ",") || isPunct(after, ")")) {
        out.calls.push({
          callee: t2.value,
          name: tokens[i + 2].value,
          file,
          line: tokens[i + 2].line,
          language: "js",
          withDefault: isPunct(after, ",") && !isPunct(tokens[i + 4], ")")
        });
      }
    }
  }
  if (reads.size === 0) return;
  for (const fn2 of functionsOf(index)) {
    const param = fn2.params[0];
    const at2 = param === void 0 ? void 0 : reads.get(param);
    if (!at2 || !anyWithin(at2, fn2.from, fn2.to)) continue;
    out.helpers.push({ name: fn2.name, file, line: fn2.line, language: "js", throws: anyWithin(throws, fn2.from, fn2.to) });
  }
}

// src/stages/env/discover/js-env.ts
var HINTS = [".env", "Env(", "env("];
var NOT_VARIABLES = /* @__PURE__ */ new Set([
  "hasOwnProperty",
  "toString",
  "valueOf",
  "constructor",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "get",
  "set",
  "has",
  "toObject"
]);
var VITE_BUILTINS = /* @__PURE__ */ new Set(["MODE", "DEV", "PROD", "SSR", "BASE_URL"]);
var GUARD_AFTER = /* @__PURE__ */ new Set(["??", "||", "??=", "||=", "?", "&&", "===", "!==", "==", "!=", "?."]);
var GUARD_BEFORE = /* @__PURE__ */ new Set(["!", "&&", "||", "??", "?", "===", "!==", "==", "!="]);
var OPTIONAL_MARKERS = /* @__PURE__ */ new Set(["optional", "nullish", "default", "prefault", "catch", "devDefault"]);
var RUNTIME_MAPPINGS = /* @__PURE__ */ new Set(["runtimeEnv", "experimental__runtimeEnv"]);
function indexTokens(tokens) {
  const partner = new Int32Array(tokens.length).fill(-1);
  const stack = [];
  const assignments = /* @__PURE__ */ new Map();
  for (let j3 = 0; j3 < tokens.length; j3++) {
    const t2 = tokens[j3];
    if (t2.kind === 1 /* Ident */) {
      if (isPunct(tokens[j3 + 1], "=") && !assignments.has(t2.value)) assignments.set(t2.value, j3);
      continue;
    }
    if (t2.kind !== 2 /* Punct */) continue;
    if (t2.value === "{" || t2.value === "(" || t2.value === "[") stack.push(j3);
    else if (t2.value === "}" || t2.value === ")" || t2.value === "]") {
      const open = stack.pop();
      if (open !== void 0) {
        partner[open] = j3;
        partner[j3] = open;
      }
    }
  }
  return { tokens, partner, assignments };
}
function discoverJs(file, text2) {
  const out = emptyDiscovery();
  if (!HINTS.some((hint) => text2.includes(hint))) return out;
  const tokens = tokenizeJs(text2);
  const index = indexTokens(tokens);
  const state = { file, out, index, schemaEnd: 0, mappings: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t2 = tokens[i];
    if (t2.kind !== 1 /* Ident */) continue;
    const base = envBaseAt(tokens, i);
    if (base) {
      readAccess(state, i, base.end, base.form);
      continue;
    }
    if (i < state.schemaEnd) continue;
    if (t2.value === "createEnv" && isPunct(tokens[i + 1], "(") && isPunct(tokens[i + 2], "{")) readCreateEnv(state, i + 2);
    else if (t2.value === "cleanEnv" && isPunct(tokens[i + 1], "(")) readCleanEnv(state, i + 1);
    else if ((t2.value === "parse" || t2.value === "safeParse") && isPunct(tokens[i - 1], ".") && isPunct(tokens[i + 1], "(")) {
      const arg = tokens[i + 2] ? envBaseAt(tokens, i + 2) : void 0;
      if (arg && isPunct(tokens[arg.end], ")")) readZodParse(state, i - 1);
    }
  }
  readJsHelpers(file, index, out);
  return out;
}
function isPunct(t2, value) {
  return t2 !== void 0 && t2.kind === 2 /* Punct */ && t2.value === value;
}
function isIdent(t2, value) {
  return t2 !== void 0 && t2.kind === 1 /* Ident */ && (value === void 0 || t2.value === value);
}
function isDot(t2) {
  return isPunct(t2, ".") || isPunct(t2, "?.");
}
function envBaseAt(tokens, i) {
  const t2 = tokens[i];
  if (t2.kind !== 1 /* Ident */) return void 0;
  if (isDot(tokens[i - 1]) && !isIdent(tokens[i - 2], "globalThis")) return void 0;
  if ((t2.value === "process" || t2.value === "Bun") && isDot(tokens[i + 1]) && isIdent(tokens[i + 2], "env")) {
    return { end: i + 3, form: `${t2.value}.env` };
  }
  if (t2.value === "import" && isPunct(tokens[i + 1], ".") && isIdent(tokens[i + 2], "meta") && isDot(tokens[i + 3]) && isIdent(tokens[i + 4], "env")) {
    return { end: i + 5, form: "import.meta.env" };
  }
  if (t2.value === "Deno" && isDot(tokens[i + 1]) && isIdent(tokens[i + 2], "env")) return { end: i + 3, form: "Deno.env" };
  return void 0;
}
function readAccess(state, start, end, form) {
  const { tokens } = state.index;
  const { file, out } = state;
  const next = tokens[end];
  if (form === "Deno.env") {
    if (isDot(next) && isIdent(tokens[end + 1], "get") && isPunct(tokens[end + 2], "(")) {
      const arg = tokens[end + 3];
      if (arg?.kind === 3 /* String */ && isPunct(tokens[end + 4], ")")) addUse(state, arg.value, arg.line, start, end + 5, `Deno.env.get("${arg.value}")`);
      else out.dynamic.push({ file, line: tokens[start].line, form: "Deno.env.get(\u2026)" });
    }
    return;
  }
  if (isDot(next) && tokens[end + 1]?.kind === 1 /* Ident */ && !isPunct(tokens[end + 2], "(")) {
    const name = tokens[end + 1];
    if (isAssignment(tokens[end + 2])) return;
    if (form === "import.meta.env" && VITE_BUILTINS.has(name.value)) return;
    addUse(state, name.value, name.line, start, end + 2, `${form}.${name.value}`);
    return;
  }
  const bracket = isPunct(next, "[") ? end : isPunct(next, "?.") && isPunct(tokens[end + 1], "[") ? end + 1 : -1;
  if (bracket !== -1) {
    const key = tokens[bracket + 1];
    if (key?.kind === 3 /* String */ && isPunct(tokens[bracket + 2], "]")) {
      if (!isAssignment(tokens[bracket + 3])) addUse(state, key.value, key.line, start, bracket + 3, `${form}["${key.value}"]`);
    } else {
      out.dynamic.push({ file, line: tokens[start].line, form: `${form}[\u2026]` });
    }
    return;
  }
  if (isPunct(tokens[start - 1], "=") && isPunct(tokens[start - 2], "}")) readDestructuring(state, start - 2);
}
function isAssignment(t2) {
  return t2 !== void 0 && t2.kind === 2 /* Punct */ && (t2.value === "=" || t2.value === "+=");
}
function guardOf(tokens, start, after) {
  const next = tokens[after];
  if (next?.kind === 2 /* Punct */ && GUARD_AFTER.has(next.value)) return `followed by ${next.value}`;
  const before = tokens[start - 1];
  if (before?.kind === 2 /* Punct */ && GUARD_BEFORE.has(before.value)) return `after ${before.value}`;
  if (isPunct(before, "(") && isPunct(next, ")") && (isIdent(tokens[start - 2], "if") || isIdent(tokens[start - 2], "while") || isIdent(tokens[start - 2], "Boolean"))) {
    return `tested by ${tokens[start - 2].value} (\u2026)`;
  }
  return void 0;
}
function inMapping(state, at2) {
  const last = state.mappings[state.mappings.length - 1];
  return last !== void 0 && at2 > last.from && at2 < last.to;
}
function addUse(state, name, line, start, after, form) {
  if (!isVariableName(name) || NOT_VARIABLES.has(name)) return;
  const { tokens } = state.index;
  const file = state.file;
  if (inMapping(state, start)) {
    state.out.uses.push({ name, file, line, kind: "js", optional: true, mapping: true, why: `${form} feeds an env schema, which decides` });
    return;
  }
  const guard2 = guardOf(tokens, start, after);
  state.out.uses.push({ name, file, line, kind: "js", optional: guard2 !== void 0, why: guard2 ? `${form} ${guard2}` : `${form} with no fallback` });
}
function readDestructuring(state, close) {
  const { tokens, partner } = state.index;
  const open = partner[close];
  if (open < 0 || open > close) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const first = tokens[entry.from];
    if (!first || isPunct(first, "...")) continue;
    if (first.kind !== 1 /* Ident */ && first.kind !== 3 /* String */) continue;
    const optional = rangeHas(tokens, entry.from, entry.to, (t2) => isPunct(t2, "="));
    if (isVariableName(first.value)) {
      state.out.uses.push({
        name: first.value,
        file: state.file,
        line: first.line,
        kind: "js",
        optional,
        why: optional ? `destructured from process.env with a default` : "destructured from process.env with no default"
      });
    }
  }
}
function topLevelEntries(tokens, open, close) {
  const entries = [];
  let depth = 0;
  let from = open + 1;
  for (let j3 = open + 1; j3 < close; j3++) {
    const t2 = tokens[j3];
    if (t2.kind !== 2 /* Punct */) continue;
    if (t2.value === "{" || t2.value === "(" || t2.value === "[") depth++;
    else if (t2.value === "}" || t2.value === ")" || t2.value === "]") depth--;
    else if (t2.value === "," && depth === 0) {
      if (j3 > from) entries.push({ from, to: j3 });
      from = j3 + 1;
    }
  }
  if (close > from) entries.push({ from, to: close });
  return entries;
}
function rangeHas(tokens, from, to2, test) {
  for (let j3 = from; j3 < to2; j3++) if (test(tokens[j3])) return true;
  return false;
}
function closeOf(state, open) {
  const close = state.index.partner[open] ?? -1;
  return close > open ? close : -1;
}
function readSchemaObject(state, open, library) {
  const { tokens } = state.index;
  const close = closeOf(state, open);
  if (close === -1) return;
  state.schemaEnd = Math.max(state.schemaEnd, close);
  for (const entry of topLevelEntries(tokens, open, close)) {
    const key = tokens[entry.from];
    if (!key || key.kind !== 1 /* Ident */ && key.kind !== 3 /* String */ || !isVariableName(key.value)) continue;
    let marker;
    for (let j3 = entry.from + 1; j3 < entry.to && !marker; j3++)
      if (tokens[j3].kind === 1 /* Ident */ && OPTIONAL_MARKERS.has(tokens[j3].value)) marker = tokens[j3].value;
    const optional = marker !== void 0;
    const why = optional ? `${library} field with .${marker}` : `${library} field with no default (validated at start-up)`;
    state.out.uses.push({ name: key.value, file: state.file, line: key.line, kind: "schema", optional, startup: !optional, why });
    state.out.declarations.push({ name: key.value, file: state.file, line: key.line, kind: "schema-code", required: !optional, why });
  }
}
function readCreateEnv(state, open) {
  const { tokens } = state.index;
  const close = closeOf(state, open);
  if (close === -1) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const key = tokens[entry.from];
    if (!isIdent(key) || !isPunct(tokens[entry.from + 1], ":") || !isPunct(tokens[entry.from + 2], "{")) continue;
    if (["server", "client", "shared"].includes(key.value)) readSchemaObject(state, entry.from + 2, "t3-env");
    else if (RUNTIME_MAPPINGS.has(key.value)) {
      const to2 = closeOf(state, entry.from + 2);
      if (to2 !== -1) state.mappings.push({ from: entry.from + 2, to: to2 });
    }
  }
  state.schemaEnd = Math.max(state.schemaEnd, close);
}
function readCleanEnv(state, open) {
  const { tokens } = state.index;
  const close = closeOf(state, open);
  if (close === -1) return;
  const second = topLevelEntries(tokens, open, close)[1];
  if (second && isPunct(tokens[second.from], "{")) readSchemaObject(state, second.from, "envalid");
}
function readZodParse(state, dot) {
  const { tokens, partner, assignments } = state.index;
  const callee = tokens[dot - 1];
  if (isPunct(callee, ")")) {
    const j4 = partner[dot - 1];
    if (j4 >= 0 && j4 < dot - 1 && isIdent(tokens[j4 - 1], "object") && isPunct(tokens[j4 + 1], "{")) readSchemaObject(state, j4 + 1, "zod");
    return;
  }
  if (!isIdent(callee)) return;
  const j3 = assignments.get(callee.value);
  if (j3 === void 0 || j3 >= dot) return;
  for (let k2 = j3 + 2; k2 < Math.min(j3 + 8, tokens.length); k2++) {
    if (isIdent(tokens[k2], "object") && isPunct(tokens[k2 + 1], "(") && isPunct(tokens[k2 + 2], "{")) {
      if (k2 + 2 >= state.schemaEnd) readSchemaObject(state, k2 + 2, "zod");
      return;
    }
  }
}

// src/stages/env/discover/manifests.ts
var import_yaml = __toESM(require_dist(), 1);
function isNameStart(c3) {
  return c3 >= 65 && c3 <= 90 || c3 >= 97 && c3 <= 122 || c3 === 95;
}
function isNamePart(c3) {
  return isNameStart(c3) || c3 >= 48 && c3 <= 57;
}
function interpolationsOf(line) {
  const out = [];
  let nextClose = -2;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) !== 36) continue;
    const next = line.charCodeAt(i + 1);
    if (next === 36) {
      i++;
      continue;
    }
    if (next !== 123) {
      if (!isNameStart(next)) continue;
      let j4 = i + 2;
      while (j4 < line.length && isNamePart(line.charCodeAt(j4))) j4++;
      out.push({ name: line.slice(i + 1, j4), operator: "" });
      i = j4 - 1;
      continue;
    }
    let j3 = i + 2;
    if (!isNameStart(line.charCodeAt(j3))) continue;
    while (j3 < line.length && isNamePart(line.charCodeAt(j3))) j3++;
    const name = line.slice(i + 2, j3);
    if (line.charCodeAt(j3) === 125) {
      out.push({ name, operator: "" });
      i = j3;
      continue;
    }
    const colon = line[j3] === ":" ? 1 : 0;
    const op = line[j3 + colon];
    if (op !== "-" && op !== "?" && op !== "+") continue;
    if (nextClose !== -1 && nextClose < j3) nextClose = line.indexOf("}", j3);
    if (nextClose === -1) return out;
    out.push({ name, operator: (colon ? ":" : "") + op });
    i = j3 + colon;
  }
  return out;
}
function isComposeFile(path) {
  return /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(path);
}
function isWorkflowFile(path) {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}
function looksLikeKubernetes(text2) {
  return /^apiVersion:/m.test(text2) && /^kind:/m.test(text2);
}
function parseYaml(text2) {
  const counter = new import_yaml.LineCounter();
  try {
    const docs = (0, import_yaml.parseAllDocuments)(text2, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d2) => d2.errors.length > 0)) return void 0;
    return {
      docs: list.map((d2) => d2.contents).filter((c3) => c3 !== null),
      lineOf: (node) => counter.linePos(node?.range?.[0] ?? 0).line
    };
  } catch {
    return void 0;
  }
}
function composeUse(name, operator, structural) {
  if (operator.includes("?")) return { optional: false, startup: true, why: `\${${name}${operator}\u2026} makes compose refuse to start when it is unset` };
  if (operator !== "") return { optional: true, why: `\${${name}${operator}\u2026} gives a default` };
  if (structural) return { optional: false, startup: true, why: `an empty ${name} leaves ${structural} invalid: compose refuses to start` };
  return { optional: true, why: `\${${name}} becomes empty with a warning when unset` };
}
function structuralReads(yaml) {
  const out = /* @__PURE__ */ new Map();
  const mark = (node, what, whole) => {
    if (!(0, import_yaml.isScalar)(node) || typeof node.value !== "string") return;
    const value = node.value;
    for (const { name, operator } of interpolationsOf(value)) {
      if (operator !== "") continue;
      if (whole && !value.startsWith(`\${${name}}:`) && !value.startsWith(`$${name}:`)) continue;
      out.set(`${name}@${yaml.lineOf(node)}`, what);
    }
  };
  for (const doc of yaml.docs) {
    const services = (0, import_yaml.isMap)(doc) ? doc.get("services", true) : void 0;
    if (!(0, import_yaml.isMap)(services)) continue;
    for (const service of services.items) {
      if (!(0, import_yaml.isMap)(service.value)) continue;
      const image = service.value.get("image", true);
      if (image) mark(image, "the image reference", false);
      for (const [key, what] of [
        ["volumes", "a volume"],
        ["ports", "a port mapping"]
      ]) {
        const list = service.value.get(key, true);
        if ((0, import_yaml.isSeq)(list)) for (const item of list.items) mark(item, what, true);
      }
    }
  }
  return out;
}
function passThrough(node, file, lineOf, what, out) {
  const why = (name) => `${what} passes ${name} through from the host; unset, the service gets none`;
  if ((0, import_yaml.isSeq)(node)) {
    for (const item of node.items) {
      if (!(0, import_yaml.isScalar)(item) || typeof item.value !== "string") continue;
      const name = item.value.trim();
      if (!name.includes("=") && isVariableName(name)) out.uses.push({ name, file, line: lineOf(item), kind: "compose", optional: true, why: why(name) });
    }
  } else if ((0, import_yaml.isMap)(node)) {
    for (const pair of node.items) {
      const empty = pair.value === null || (0, import_yaml.isScalar)(pair.value) && pair.value.value === null;
      if ((0, import_yaml.isScalar)(pair.key) && empty && isVariableName(String(pair.key.value))) {
        out.uses.push({
          name: String(pair.key.value),
          file,
          line: lineOf(pair.key),
          kind: "compose",
          optional: true,
          why: why(String(pair.key.value))
        });
      }
    }
  }
}
function discoverCompose(file, text2) {
  const out = emptyDiscovery();
  const yaml = parseYaml(text2);
  const structural = yaml ? structuralReads(yaml) : /* @__PURE__ */ new Map();
  const lines = text2.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = capLine(lines[i]);
    if (!line.includes("$") || line.trimStart().startsWith("#")) continue;
    for (const { name, operator } of interpolationsOf(line)) {
      out.uses.push({ name, file, line: i + 1, kind: "compose", ...composeUse(name, operator, structural.get(`${name}@${i + 1}`)) });
    }
  }
  if (!yaml) {
    out.problems.push({ file, line: 1, message: "not valid YAML; only ${...} interpolation was read" });
    return out;
  }
  for (const doc of yaml.docs) {
    const services = (0, import_yaml.isMap)(doc) ? doc.get("services", true) : void 0;
    if (!(0, import_yaml.isMap)(services)) continue;
    for (const service of services.items) {
      if (!(0, import_yaml.isMap)(service.value)) continue;
      passThrough(service.value.get("environment", true), file, yaml.lineOf, "environment:", out);
      const build = service.value.get("build", true);
      if ((0, import_yaml.isMap)(build)) passThrough(build.get("args", true), file, yaml.lineOf, "build.args", out);
    }
  }
  return out;
}
function discoverKubernetes(file, text2) {
  const out = emptyDiscovery();
  const yaml = parseYaml(text2);
  if (!yaml) return out;
  const visit = (key, value) => {
    if (key === "env" && (0, import_yaml.isSeq)(value)) {
      for (const item of value.items) {
        if (!(0, import_yaml.isMap)(item)) continue;
        const nameNode = item.get("name", true);
        if (!(0, import_yaml.isScalar)(nameNode) || !isVariableName(String(nameNode.value))) continue;
        const literal = item.has("value");
        out.uses.push({
          name: String(nameNode.value),
          file,
          line: yaml.lineOf(nameNode),
          kind: "k8s",
          optional: literal,
          why: literal ? "set by the manifest itself" : "valueFrom: the Secret or ConfigMap key must exist"
        });
      }
      return true;
    }
    if (key === "envFrom" && (0, import_yaml.isSeq)(value)) {
      for (const item of value.items) {
        if (!(0, import_yaml.isMap)(item)) continue;
        for (const ref of ["secretRef", "configMapRef"]) {
          const target = item.get(ref, true);
          const name = (0, import_yaml.isMap)(target) ? target.get("name") : void 0;
          if (name !== void 0) out.envFrom.push(`${ref === "secretRef" ? "Secret" : "ConfigMap"} ${String(name)}`);
        }
      }
      return true;
    }
    return false;
  };
  for (const doc of yaml.docs) walkPairs(doc, visit);
  return out;
}
function discoverWorkflow(file, text2) {
  const out = emptyDiscovery();
  const yaml = parseYaml(text2);
  if (!yaml) return out;
  const visit = (key, value) => {
    if (key !== "env" || !(0, import_yaml.isMap)(value)) return false;
    for (const entry of value.items) {
      if (!(0, import_yaml.isScalar)(entry.key) || !isVariableName(String(entry.key.value))) continue;
      const text3 = (0, import_yaml.isScalar)(entry.value) ? String(entry.value.value ?? "") : "";
      const fromGitHub = /\$\{\{\s*(secrets|vars)\./.test(text3);
      out.uses.push({
        name: String(entry.key.value),
        file,
        line: yaml.lineOf(entry.key),
        kind: "workflow",
        optional: !fromGitHub,
        why: fromGitHub ? "a workflow env: entry fed from GitHub secrets or variables" : "a workflow env: entry with its own value"
      });
    }
    return true;
  };
  for (const doc of yaml.docs) walkPairs(doc, visit);
  return out;
}
function walkPairs(node, visit) {
  if ((0, import_yaml.isSeq)(node)) {
    for (const item of node.items) walkPairs(item, visit);
    return;
  }
  if (!(0, import_yaml.isMap)(node)) return;
  for (const pair of node.items) {
    if (!(0, import_yaml.isPair)(pair) || !(0, import_yaml.isScalar)(pair.key)) continue;
    if (!visit(String(pair.key.value), pair.value)) walkPairs(pair.value, visit);
  }
}

// src/stages/env/discover/python.ts
var NAME = "([A-Za-z_][A-Za-z0-9_]*)";
var ENVIRON_INDEX = new RegExp(`(?<![\\w.])(?:os\\.)?environ\\s*\\[\\s*(['"])${NAME}\\1\\s*\\]`, "g");
var ENVIRON_GET = new RegExp(`(?<![\\w.])(?:os\\.environ\\.get|environ\\.get|os\\.getenv|getenv)\\(\\s*(['"])${NAME}\\1\\s*(,)?`, "g");
var ENVIRON_TEST = new RegExp(`(['"])${NAME}\\1\\s+(?:not\\s+)?in\\s+(?:os\\.)?environ\\b`, "g");
var LIBRARY_CALL = new RegExp(`(?<![\\w.])(env|config)(?:\\.([a-z_]+))?\\(\\s*(['"])${NAME}\\3\\s*([,)])?`, "g");
var HELPER_CALL = new RegExp(`(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\(\\s*(['"])([A-Z][A-Z0-9_]*)\\2\\s*([,)])`, "g");
var DYNAMIC = /(?<![\w.])(?:os\.)?(?:environ\s*\[\s*([A-Za-z_]\w*)|environ\.get\(\s*([A-Za-z_]\w*)|getenv\(\s*([A-Za-z_]\w*))/;
var DEF = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*)?/;
var CLASS_SETTINGS = /^class\s+\w+\s*\([^)]*\bBaseSettings\b/;
var FIELD = /^([A-Za-z_]\w*)\s*:\s*([^=]*)(=)?/;
var CONDITIONAL_BLOCK = /^(?:if|elif|else|try|except|finally|for|while|with|match|case|async\s+for|async\s+with)\b/;
var MISSING_CHECK = /^if\s+(?:not\s+[\w.]+|[\w.]+\s+is\s+None|[\w.]+\s*==\s*(?:""|''|None))\s*:/;
var HINTS2 = ["environ", "getenv", "env", "config(", "BaseSettings"];
function bracketBalance(code) {
  let n = 0;
  for (let i = 0; i < code.length; i++) {
    const c3 = code.charCodeAt(i);
    if (c3 === 40 || c3 === 91 || c3 === 123) n++;
    else if (c3 === 41 || c3 === 93 || c3 === 125) n--;
  }
  return n;
}
var CALL_LINES = 8;
function joinCall(lines, i, body) {
  let text2 = body;
  let depth = bracketBalance(body);
  for (let j3 = i + 1; j3 < lines.length && j3 <= i + CALL_LINES && depth > 0; j3++) {
    const next = codeOf(capLine(lines[j3]), "#", `'"`).trim();
    depth += bracketBalance(next);
    text2 += ` ${next}`;
  }
  return text2;
}
function indentOf(line) {
  let n = 0;
  while (n < line.length && (line[n] === " " || line[n] === "	")) n++;
  return n;
}
function restOfCall(code, from) {
  let depth = 1;
  for (let i = from; i < code.length; i++) {
    const c3 = code[i];
    if (c3 === "(") depth++;
    else if (c3 === ")" && --depth === 0) return code.slice(from, i);
  }
  return code.slice(from);
}
function readPython(file, text2) {
  const out = emptyDiscovery();
  if (!HINTS2.some((hint) => text2.includes(hint))) return out;
  const decouple = text2.includes("decouple");
  const stack = [];
  const lines = text2.split("\n");
  const close = (block) => {
    if (block.helper?.reads)
      out.helpers.push({
        name: block.helper.name,
        file,
        line: block.helper.line,
        language: "python",
        throws: block.helper.throws,
        ...block.helper.getter && !block.helper.throws ? { getter: true } : {}
      });
    if (block.settings) for (const field of block.settings.fields) out.uses.push({ ...field, name: `${block.settings.prefix}${field.name}`.toUpperCase() });
  };
  let header;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = capLine(lines[i]);
    const code = codeOf(raw, "#", `'"`);
    const body = code.trim();
    if (body === "") continue;
    const continued = depth > 0;
    depth = Math.max(0, depth + bracketBalance(body));
    const indent = continued ? header.indent : indentOf(code);
    if (!continued) {
      while (stack.length > 0 && stack[stack.length - 1].indent >= indent) close(stack.pop());
      header = { body, indent };
    }
    const context = { line: i + 1, conditional: stack.some((b3) => b3.conditional) };
    const helper = [...stack].reverse().find((b3) => b3.helper)?.helper;
    const settings = stack[stack.length - 1]?.settings;
    if (settings) readField(body, settings, file, i + 1);
    else if (body.includes("(") || HINTS2.some((hint) => body.includes(hint))) {
      readLine(depth > 0 && !continued ? joinCall(lines, i, body) : body, file, context, helper, decouple, out);
    }
    if (helper && MISSING_CHECK.test(body)) helper.checksMissing = true;
    if (helper?.checksMissing && /^raise\b/.test(body)) helper.throws = true;
    if (depth === 0 && body.endsWith(":")) stack.push(openBlock(header.body, indent, i + 1));
    if (settings && /\benv_prefix\s*=\s*['"](\w*)['"]/.test(body)) settings.prefix = /\benv_prefix\s*=\s*['"](\w*)['"]/.exec(body)[1];
  }
  while (stack.length > 0) close(stack.pop());
  return out;
}
function openBlock(body, indent, line) {
  const block = { indent, conditional: CONDITIONAL_BLOCK.test(body) };
  const def = DEF.exec(body);
  if (def) block.helper = { name: def[1], param: def[2] ?? "", line, reads: false, throws: false };
  if (CLASS_SETTINGS.test(body)) block.settings = { fields: [], prefix: "" };
  return block;
}
function readField(body, settings, file, line) {
  const m2 = FIELD.exec(body);
  if (!m2 || m2[1] === "model_config" || m2[1].startsWith("_")) return;
  const optional = m2[3] !== void 0 || /\bOptional\[|\bNone\b|\|\s*None/.test(m2[2]);
  settings.fields.push({
    name: m2[1],
    file,
    line,
    kind: "python",
    optional,
    startup: !optional,
    why: optional ? "Pydantic settings field with a default" : "Pydantic settings field with no default: validated when the settings load"
  });
}
function readLine(code, file, at2, helper, decouple, out) {
  const { line, conditional } = at2;
  const push = (use) => out.uses.push({ file, line, kind: "python", ...use, ...conditional && !use.optional ? { conditional: true } : {} });
  const moduleLevel = !conditional && helper === void 0;
  for (const m2 of code.matchAll(ENVIRON_INDEX))
    push({ name: m2[2], optional: false, ...moduleLevel ? { startup: true } : {}, why: `os.environ["${m2[2]}"] raises KeyError when unset` });
  for (const m2 of code.matchAll(ENVIRON_GET))
    push({ name: m2[2], optional: true, why: m2[3] ? `${m2[0].split("(")[0]}("${m2[2]}", default)` : `${m2[0].split("(")[0]}("${m2[2]}") returns None when unset` });
  for (const m2 of code.matchAll(ENVIRON_TEST)) push({ name: m2[2], optional: true, why: `"${m2[2]}" in os.environ tests presence` });
  for (const m2 of code.matchAll(LIBRARY_CALL)) {
    if (m2[1] === "config" && !decouple) continue;
    const rest = m2[5] === "," ? restOfCall(code, m2.index + m2[0].length) : "";
    const withDefault = /\bdefault\s*=/.test(rest) || m2[2] !== void 0 && m2[5] === "," && !/^\s*cast\s*=/.test(rest);
    const call = `${m2[1]}${m2[2] ? `.${m2[2]}` : ""}("${m2[4]}")`;
    push({
      name: m2[4],
      optional: withDefault,
      ...moduleLevel && !withDefault ? { startup: true } : {},
      why: withDefault ? `${call} with a default` : `${call} with no default raises when unset`
    });
  }
  for (const m2 of code.matchAll(HELPER_CALL)) {
    if (m2[1] === "env" || m2[1] === "config" || m2[1] === "getenv" || m2[1] === "get") continue;
    out.calls.push({ callee: m2[1], name: m2[3], file, line, language: "python", withDefault: m2[4] === ",", ...conditional ? { conditional: true } : {} });
  }
  const dynamic = DYNAMIC.exec(code);
  if (!dynamic) return;
  const param = dynamic[1] ?? dynamic[2] ?? dynamic[3];
  if (helper && param === helper.param) {
    helper.reads = true;
    if (dynamic[1]) helper.throws = true;
    else helper.getter = true;
  } else out.dynamic.push({ file, line, form: "os.environ[\u2026]" });
}

// src/stages/env/discover/other-languages.ts
var NAME2 = "([A-Za-z_][A-Za-z0-9_]*)";
var RUBY = [
  {
    regex: new RegExp(`(?<![\\w:])ENV\\s*\\[\\s*(['"])${NAME2}\\1\\s*\\](\\s*(?:\\|\\||\\|\\|=))?`, "g"),
    group: 2,
    optional: (m2) => m2[3] !== void 0,
    why: (m2, optional) => optional ? `ENV["${m2[2]}"] followed by ||` : `ENV["${m2[2]}"] with no fallback`
  },
  {
    regex: new RegExp(`(?<![\\w:])ENV\\.fetch\\(\\s*(['"])${NAME2}\\1\\s*(,|\\)\\s*\\{|\\)\\s*do\\b)?`, "g"),
    group: 2,
    optional: (m2) => m2[3] !== void 0,
    why: (m2, optional) => optional ? `ENV.fetch("${m2[2]}") with a default` : `ENV.fetch("${m2[2]}") raises KeyError when unset`
  },
  {
    regex: new RegExp(`(?<![\\w:])ENV\\.(?:key\\?|has_key\\?|include\\?)\\(\\s*(['"])${NAME2}\\1`, "g"),
    group: 2,
    optional: () => true,
    why: (m2) => `ENV.key?("${m2[2]}") tests presence`
  }
];
var RUBY_DYNAMIC = /(?<![\w:])ENV(?:\s*\[\s*[a-z_@]|\.fetch\(\s*[a-z_@])/;
var GO = [
  { regex: new RegExp(`\\bos\\.Getenv\\(\\s*"${NAME2}"\\s*\\)`, "g"), group: 1, optional: () => false, why: (m2) => `os.Getenv("${m2[1]}") with no fallback` },
  {
    regex: new RegExp(`\\bos\\.LookupEnv\\(\\s*"${NAME2}"\\s*\\)`, "g"),
    group: 1,
    optional: () => true,
    why: (m2) => `os.LookupEnv("${m2[1]}") lets the caller check presence`
  }
];
var GO_DYNAMIC = /\bos\.(?:Getenv|LookupEnv)\(\s*[A-Za-z_]/;
function codeOf(line, marker, quotes) {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c3 = line[i];
    if (quote) {
      if (c3 === "\\") i++;
      else if (c3 === quote) quote = "";
      continue;
    }
    if (quotes.includes(c3)) quote = c3;
    else if (marker === "#" ? c3 === "#" : c3 === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}
function scan(file, text2, kind, patterns, dynamic, marker, quotes, hints) {
  const out = emptyDiscovery();
  if (!hints.some((hint) => text2.includes(hint))) return out;
  const lines = text2.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = capLine(lines[i]);
    if (!hints.some((hint) => raw.includes(hint))) continue;
    const code = codeOf(raw, marker, quotes);
    for (const pattern of patterns) {
      pattern.regex.lastIndex = 0;
      for (let m2 = pattern.regex.exec(code); m2; m2 = pattern.regex.exec(code)) {
        const optional = pattern.optional(m2);
        out.uses.push({ name: m2[pattern.group], file, line: i + 1, kind, optional, why: pattern.why(m2, optional) });
      }
    }
    if (dynamic.test(code)) out.dynamic.push({ file, line: i + 1, form: kind === "go" ? "os.Getenv(\u2026)" : "ENV[\u2026]" });
  }
  return out;
}
function discoverPython(file, text2) {
  return readPython(file, text2);
}
function discoverRuby(file, text2) {
  return scan(file, text2, "ruby", RUBY, RUBY_DYNAMIC, "#", `'"`, ["ENV"]);
}
function discoverGo(file, text2) {
  return scan(file, text2, "go", GO, GO_DYNAMIC, "//", "\"`'", ["os."]);
}
function discoverPrisma(file, text2) {
  const pattern = {
    regex: new RegExp(`\\benv\\(\\s*"${NAME2}"\\s*\\)`, "g"),
    group: 1,
    optional: () => false,
    why: (m2) => `Prisma reads env("${m2[1]}") when the client connects`
  };
  return scan(file, text2, "prisma", [pattern], /(?!)/, "//", '"', ["env("]);
}

// src/stages/env/discover/context.ts
var CI_DIRS = /* @__PURE__ */ new Set([".github", ".circleci", ".buildkite", ".gitlab"]);
var TEST_DIRS = /* @__PURE__ */ new Set([
  "test",
  "tests",
  "__tests__",
  "__mocks__",
  "e2e",
  "spec",
  "specs",
  "cypress",
  "playwright",
  "mocks",
  "fixtures",
  "__fixtures__",
  "testing",
  "test-utils"
]);
var TOOLING_DIRS = /* @__PURE__ */ new Set([
  "scripts",
  "script",
  ".storybook",
  "storybook",
  "docs",
  "doc",
  "examples",
  "example",
  "tools",
  ".husky",
  "bench",
  "benchmarks",
  ".devcontainer",
  ".vscode",
  "remix.init"
]);
var TEST_FILE = /(^|[./_-])(test|spec|e2e)\.[cm]?[jt]sx?$|\.(test|spec)\.[\w]+$|^test_\w*\.py$|_test\.(py|go|rb)$|^conftest\.py$|^tests?\.py$|^(playwright|vitest|jest|cypress|karma|ava)\.(config|setup)\.\w+$|^(jest|vitest)\.setup[.\w]*$|^setupTests\.\w+$|_spec\.rb$|^pytest\.ini$/;
var TOOLING_FILE = /\.stories\.\w+$|^(vite|webpack|rollup|tsup|esbuild|eslint|prettier|tailwind|postcss|babel|commitlint|lint-staged|stylelint|svelte|astro|react-router|remix|drizzle|knip|turbo|vitest\.workspace)\.config\.\w+$|^\.eslintrc(\.\w+)?$|^Rakefile$|^noxfile\.py$|^tasks\.py$|^fabfile\.py$/;
var DEV_SETTINGS = /^(local|dev|development)\.py$/;
function contextOf(path) {
  const parts = path.split("/");
  const name = parts.pop() ?? path;
  if (parts.some((dir) => CI_DIRS.has(dir)) || name === ".gitlab-ci.yml" || name === "azure-pipelines.yml" || name === "Jenkinsfile") return "ci";
  if (parts.some((dir) => TEST_DIRS.has(dir)) || TEST_FILE.test(name)) return "tests";
  if (parts.some((dir) => TOOLING_DIRS.has(dir)) || TOOLING_FILE.test(name)) return "tooling";
  if (parts[parts.length - 1] === "settings" && DEV_SETTINGS.test(name)) return "tooling";
  return "app";
}
var CONTEXT_LABEL = { ci: "CI", tests: "tests", tooling: "scripts/tooling" };

// src/stages/env/discover/index.ts
var JS = /\.(?:[cm]?[jt]sx?)$/;
function isDiscoverable(path) {
  if (JS.test(path)) return !/\.d\.[cm]?ts$/.test(path) && !/\.min\.js$/.test(path);
  return /\.(py|rb|go|ya?ml|prisma)$/.test(path) || isExampleFile(path) || isSchemaFile(path);
}
function discoverFile(path, text2) {
  if (isExampleFile(path) || isSchemaFile(path)) return discoverDeclared(path, text2);
  if (JS.test(path)) return discoverJs(path, text2);
  if (path.endsWith(".py")) return discoverPython(path, text2);
  if (path.endsWith(".rb")) return discoverRuby(path, text2);
  if (path.endsWith(".go")) return discoverGo(path, text2);
  if (path.endsWith(".prisma")) return discoverPrisma(path, text2);
  if (isComposeFile(path)) return discoverCompose(path, text2);
  if (isWorkflowFile(path)) return discoverWorkflow(path, text2);
  if (/\.ya?ml$/.test(path) && looksLikeKubernetes(text2)) return discoverKubernetes(path, text2);
  return emptyDiscovery();
}
function helperUses(files) {
  const helpers = /* @__PURE__ */ new Map();
  for (const file of files)
    for (const helper of file.helpers) if (!helpers.has(`${helper.language}:${helper.name}`)) helpers.set(`${helper.language}:${helper.name}`, helper);
  const uses = [];
  const helperFiles = /* @__PURE__ */ new Set();
  if (helpers.size === 0) return { uses, helperFiles };
  for (const file of files) {
    for (const call of file.calls) {
      const helper = helpers.get(`${call.language}:${call.callee}`);
      if (!helper) continue;
      helperFiles.add(`${helper.file}:${helper.line}`);
      const call_ = `${call.callee}('${call.name}')`;
      const optional = call.withDefault || helper.getter === true;
      const why = call.withDefault ? `${call_} with a default` : helper.getter ? `${call_} returns nothing when it is unset (${helper.file}:${helper.line})` : helper.throws ? `${call_} throws when it is unset` : `${call_} with no default`;
      uses.push({
        name: call.name,
        file: call.file,
        line: call.line,
        kind: call.language,
        optional,
        ...call.conditional && !optional ? { conditional: true } : {},
        why
      });
    }
  }
  return { uses, helperFiles };
}
var where = (u2) => `${u2.file}:${u2.line}`;
function decide(info) {
  const app = info.uses.filter((u2) => contextOf(u2.file) === "app");
  const schema = info.declarations.filter((d2) => d2.kind === "schema-code" || d2.kind === "schema-file");
  info.usedBy = [...new Set(info.uses.map((u2) => contextOf(u2.file)).filter((c3) => c3 !== "app"))].sort();
  const codeSchema = info.declarations.filter((d2) => d2.kind === "schema-code" && contextOf(d2.file) === "app");
  const deciding = codeSchema.length > 0 ? app.filter((u2) => u2.kind === "schema" || u2.kind === "python" || u2.kind === "compose") : app.filter((u2) => !u2.mapping);
  const sure = deciding.filter((u2) => !u2.optional && !u2.conditional);
  const fromSchemaFile = schema.find((d2) => d2.kind === "schema-file" && d2.required);
  info.required = sure.length > 0 || fromSchemaFile !== void 0;
  info.startup = sure.some((u2) => u2.startup === true);
  const first = sure[0];
  if (first) info.why = `${first.why ?? "read with no fallback"} (${where(first)})`;
  else if (fromSchemaFile) info.why = `declared @required in ${where(fromSchemaFile)}`;
  else {
    const conditional = deciding.find((u2) => u2.conditional);
    const optional = deciding.find((u2) => u2.optional) ?? app.find((u2) => u2.mapping);
    if (conditional) info.why = `read only on some branches: ${conditional.why ?? "no fallback"} (${where(conditional)})`;
    else if (optional) info.why = `${optional.why ?? "read with a fallback"} (${where(optional)})`;
    else if (app.length === 0 && info.uses.length > 0) info.why = `only read by ${info.usedBy.map((c3) => CONTEXT_LABEL[c3]).join(", ")}`;
    else info.why = info.declarations.length > 0 ? `declared in ${where(info.declarations[0])}; no read found` : "no read found";
  }
}
function mergeDiscoveries(files) {
  const variables = /* @__PURE__ */ new Map();
  const inventory = { variables, dynamic: [], problems: [], envFrom: [], exampleFiles: [] };
  const get = (name) => {
    let info = variables.get(name);
    if (!info) {
      info = {
        name,
        uses: [],
        declarations: [],
        required: false,
        startup: false,
        secret: isSecretLooking(name),
        platform: isPlatformProvided(name),
        why: "",
        usedBy: []
      };
      variables.set(name, info);
    }
    return info;
  };
  const examples = /* @__PURE__ */ new Set();
  const helpers = helperUses(files);
  for (const file of files) {
    for (const use of file.uses) get(use.name).uses.push(use);
    for (const declaration of file.declarations) {
      const info = get(declaration.name);
      info.declarations.push(declaration);
      if (declaration.sensitive) info.secret = true;
      if (declaration.kind !== "schema-code") examples.add(declaration.file);
    }
    inventory.problems.push(...file.problems);
    inventory.envFrom.push(...file.envFrom);
  }
  for (const use of helpers.uses) get(use.name).uses.push(use);
  const helperDefinitions = files.flatMap((f3) => f3.helpers).filter((h3) => helpers.helperFiles.has(`${h3.file}:${h3.line}`));
  for (const file of files) {
    for (const access of file.dynamic) {
      if (!helperDefinitions.some((h3) => h3.file === access.file && access.line >= h3.line && access.line <= h3.line + 60)) inventory.dynamic.push(access);
    }
  }
  for (const info of variables.values()) decide(info);
  inventory.exampleFiles = [...examples].sort();
  return inventory;
}
function discoverAll(files) {
  const out = [];
  for (const file of files) out.push(discoverFile(file.path, file.text));
  return mergeDiscoveries(out);
}

// src/stages/env/compare.ts
var PATHS = ["deploy"];
var CODE_KINDS = /* @__PURE__ */ new Set(["js", "python", "ruby", "go"]);
function firstUse(info) {
  const use = info.uses[0] ?? info.declarations[0];
  return use ? { file: use.file, line: use.line } : void 0;
}
function compareEnvironment(input) {
  return [
    ...findMissingVariables(input),
    ...findDeclaredEmpty(input),
    ...findClientBundleSecrets(input),
    ...findSharedSecretValues(input),
    ...findDocsDrift(input.inventory, input.ignore),
    ...findDynamicAccess(input.inventory),
    ...findDiscoveryProblems(input.inventory)
  ];
}
function findMissingVariables({ inventory, target, ignore }) {
  if (!target) return [];
  const out = [];
  const where2 = describeSources(target);
  for (const info of [...inventory.variables.values()].sort((a, b3) => a.name.localeCompare(b3.name))) {
    if (!info.required || info.platform || ignore.has(info.name)) continue;
    const hit = lookup(target, info.name);
    if (hit && !hit.empty) continue;
    const severity = info.secret || info.startup ? "blocker" : "high";
    const why = info.startup ? " (read at start-up)" : info.secret ? " (a secret)" : "";
    const location = firstUse(info);
    if (hit?.empty) {
      out.push({
        ruleId: "env-required-empty",
        severity,
        title: `${info.name} is set but empty in ${target.name} (${hit.source.label}${hit.variable.line ? `:${hit.variable.line}` : ""})${why}`,
        fix: `Give ${info.name} a value in ${hit.source.label}; an empty value counts as missing`,
        paths: PATHS,
        ...location ? { location } : {}
      });
      continue;
    }
    out.push({
      ruleId: "env-required-missing",
      severity,
      title: `${info.name} is required but not set in ${target.name}${why}`,
      fix: `Set ${info.name} for ${target.name} (checked: ${where2}), or give the read a default if the app can run without it`,
      paths: PATHS,
      ...location ? { location } : {}
    });
  }
  return out;
}
function findDeclaredEmpty({ inventory, target, ignore }) {
  if (!target) return [];
  const out = [];
  for (const info of [...inventory.variables.values()].sort((a, b3) => a.name.localeCompare(b3.name))) {
    if (info.required || info.platform || ignore.has(info.name) || info.uses.some((u2) => contextOf(u2.file) === "app")) continue;
    const declaration = info.declarations.find((d2) => d2.kind === "example" && d2.emptyValue && !d2.commented);
    if (!declaration) continue;
    const hit = lookup(target, info.name);
    if (hit && !hit.empty) continue;
    out.push({
      ruleId: "env-declared-empty",
      severity: "high",
      title: `${info.name} is left empty in ${declaration.file} for the deploy to fill, and ${hit ? "is empty" : "is not set"} in ${target.name}`,
      fix: `Set ${info.name} for ${target.name} (an SDK may read it without the code naming it), or remove it from ${declaration.file} if nothing needs it`,
      paths: PATHS,
      location: { file: declaration.file, line: declaration.line }
    });
  }
  return out;
}
function findClientBundleSecrets({ inventory, environments }) {
  const names = /* @__PURE__ */ new Map();
  for (const info of inventory.variables.values()) names.set(info.name, firstUse(info));
  for (const env of environments) {
    for (const source of env.sources) {
      for (const [name, variable] of source.variables) {
        if (!names.has(name) && source.file) names.set(name, { file: source.file, ...variable.line ? { line: variable.line } : {} });
      }
    }
  }
  const out = [];
  for (const [name, location] of [...names].sort(([a], [b3]) => a.localeCompare(b3))) {
    if (!isServerSecretInClientBundle(name)) continue;
    const prefix = clientPrefixOf(name);
    out.push({
      ruleId: "env-secret-in-client-bundle",
      severity: "blocker",
      title: `${name} looks like a server secret but its ${prefix} prefix ships it to every browser`,
      fix: `Rename it without ${prefix}, read it only on the server, and rotate the value: it may already be in a public bundle`,
      paths: PATHS,
      ...location ? { location } : {}
    });
  }
  return out;
}
function findSharedSecretValues({ inventory, environments }) {
  const out = [];
  for (let a = 0; a < environments.length; a++) {
    for (let b3 = a + 1; b3 < environments.length; b3++) {
      const left = environments[a];
      const right = environments[b3];
      const names = /* @__PURE__ */ new Set();
      for (const source of left.sources) for (const name of source.variables.keys()) names.add(name);
      for (const name of [...names].sort()) {
        const secret = inventory.variables.get(name)?.secret ?? isSecretLooking(name);
        if (!secret) continue;
        const l3 = lookup(left, name);
        const r2 = lookup(right, name);
        const lv = l3?.variable.value;
        const rv = r2?.variable.value;
        if (lv === void 0 || rv === void 0 || lv.length < 8 || lv !== rv) continue;
        const file = r2.source.file ?? l3.source.file;
        const line = r2.source.file ? r2.variable.line : l3.variable.line;
        out.push({
          ruleId: "env-shared-secret-value",
          severity: "high",
          title: `${name} has the same value in ${left.name} and ${right.name}: the environments are not split`,
          fix: `Issue a separate ${name} for each environment and rotate the one ${left.name} shares with ${right.name}`,
          paths: PATHS,
          ...file ? { location: { file, ...line ? { line } : {} } } : {},
          // A stable fingerprint that never depends on the value itself.
          fingerprint: `env-shared-secret-value:${name}:${left.name}:${right.name}`
        });
      }
    }
  }
  return out;
}
function folderOf(path) {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash + 1);
}
function findDocsDrift(inventory, ignore) {
  if (inventory.exampleFiles.length === 0) return [];
  const examplesOver = (file) => inventory.exampleFiles.filter((example) => file.startsWith(folderOf(example)));
  const out = [];
  for (const info of [...inventory.variables.values()].sort((a, b3) => a.name.localeCompare(b3.name))) {
    if (info.platform || ignore.has(info.name)) continue;
    const declarations = info.declarations.filter((d2) => d2.kind !== "schema-code");
    const undeclared = info.uses.find((use) => {
      if (!CODE_KINDS.has(use.kind) || contextOf(use.file) !== "app") return false;
      const over = examplesOver(use.file);
      return over.length > 0 && !declarations.some((d2) => over.includes(d2.file));
    });
    if (undeclared) {
      const over = examplesOver(undeclared.file);
      out.push({
        ruleId: "env-undeclared",
        severity: "low",
        title: `${info.name} is used in code but not listed in ${over.join(", ")}`,
        fix: `Add ${info.name}= to ${over[over.length - 1]} so the next person (and the deploy) knows it is needed`,
        paths: PATHS,
        location: { file: undeclared.file, line: undeclared.line }
      });
    }
    for (const declaration of declarations) {
      if (declaration.commented || info.uses.some((use) => use.file.startsWith(folderOf(declaration.file)))) continue;
      out.push({
        ruleId: "env-declared-unused",
        severity: "info",
        title: `${info.name} is listed in ${declaration.file} but nothing reads it`,
        fix: `Remove ${info.name} from ${declaration.file} if it is no longer needed`,
        paths: PATHS,
        location: { file: declaration.file, line: declaration.line }
      });
      break;
    }
  }
  return out;
}
function findDynamicAccess(inventory) {
  return inventory.dynamic.map((access) => ({
    ruleId: "env-dynamic-access",
    severity: "info",
    title: `${access.form} reads a variable whose name is computed at run time; it was not checked`,
    fix: "Read variables by literal name (or list them in an env schema) so they can be checked before deploy",
    paths: PATHS,
    location: { file: access.file, line: access.line }
  }));
}
function findDiscoveryProblems(inventory) {
  return inventory.problems.map((problem) => malformedLine(problem.file, problem.line, problem.message));
}
function malformedLine(file, line, message) {
  return {
    ruleId: "env-malformed-line",
    severity: "low",
    title: `${file}:${line}: ${message}; the line was skipped`,
    fix: "Write the line as KEY=value (quote values with spaces or #; close every quote)",
    paths: PATHS,
    location: { file, line }
  };
}

// src/stages/env/committed.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
var MEANT_TO_BE_COMMITTED = /\.(example|sample|template|schema|dist|defaults|vault)$/;
var LOW_STAKES = /^\.env\.(development|dev|test|testing|ci|e2e)$/;
function committedEnvFileSeverity(path) {
  const name = path.split("/").pop() ?? path;
  if (!/^\.env(\..+)?$/.test(name) || MEANT_TO_BE_COMMITTED.test(name)) return void 0;
  return LOW_STAKES.test(name) ? "medium" : "blocker";
}
var MAX_CONTENT = 64 * 1024;
var HARMLESS_VALUE = /^(|changeme|change[-_]?me|replace[-_]?me|todo|x+|\*+|\.+|-+|<[^>]*>|\$\{[^}]*\}|your[-_ ][\w -]*|!!!.*!!!|example|sample|placeholder|dummy|test|none|null|true|false|yes|no|on|off|development|dev|local|debug|info|warn|error|\d{1,6})$/i;
var LOCAL_ADDRESS = /(^|[/@:=])(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)([:/]|$)/i;
function holdsOnlyPlaceholders(text2) {
  if (text2 === void 0) return void 0;
  const entries = parseDotenv(text2).entries;
  return entries.every((e) => HARMLESS_VALUE.test(e.value.trim()) || LOCAL_ADDRESS.test(e.value.trim()));
}
function harmlessBecause(file) {
  const name = file.path.split("/").pop() ?? file.path;
  if (/\.(patch|diff)$/.test(name)) return "a diff, not a dotenv file the app loads";
  if (file.symlink) return `a symbolic link to ${file.text?.trim() || "another file"}, not values of its own`;
  if (holdsOnlyPlaceholders(file.text)) return "only empty, placeholder or localhost values";
  return void 0;
}
function committedEnvFileFindings(files) {
  const out = [];
  for (const file of files) {
    const named = committedEnvFileSeverity(file.path);
    if (!named) continue;
    const now = file.commit === void 0;
    const harmless = harmlessBecause(file);
    if (harmless) {
      out.push({
        ruleId: "env-file-committed",
        severity: "low",
        title: `${file.path} is ${now ? "tracked in git" : `in git history (commit ${file.commit.slice(0, 12)})`}: it holds ${harmless}`,
        fix: `Nothing leaked; to keep it that way, add real dotenv files to .gitignore${now ? ` or rename ${file.path} to an example (.env.example)` : ""}`,
        paths: ["deploy"],
        location: now ? { file: file.path } : { file: file.path, commit: file.commit }
      });
      continue;
    }
    const severity = named;
    out.push({
      ruleId: "env-file-committed",
      severity,
      title: now ? `${file.path} is tracked in git: every clone has its values` : `${file.path} was committed in git history (commit ${file.commit.slice(0, 12)})`,
      fix: now ? `git rm --cached ${file.path}, add it to .gitignore, and rotate every secret it holds` : `Rotate every secret ${file.path} held; removing it from history alone does not un-leak it`,
      paths: ["deploy"],
      location: now ? { file: file.path } : { file: file.path, commit: file.commit }
    });
  }
  return out;
}
async function findCommittedEnvFiles(repo, history) {
  const git2 = (args) => run("git", args, { cwd: repo, maxBuffer: 64 * 1024 * 1024 }).then((r2) => r2.stdout);
  let prefix;
  try {
    prefix = (await git2(["rev-parse", "--show-prefix"])).trim();
  } catch {
    return void 0;
  }
  const staged = (await git2(["ls-files", "-s", "-z", "--", ":(glob)**/.env*"])).split("\0").filter(Boolean);
  const tracked = [];
  const out = [];
  for (const line of staged) {
    const [meta, path] = line.split("	");
    const [mode, blob] = (meta ?? "").split(" ");
    if (!path || !blob) continue;
    tracked.push(path);
    const text2 = committedEnvFileSeverity(path) ? await readBlob(git2, blob) : void 0;
    out.push({ path, ...mode === "120000" ? { symlink: true } : {}, ...text2 !== void 0 ? { text: text2 } : {} });
  }
  if (!history) return out;
  const seen = new Set(tracked);
  const log = await git2(["log", "--all", "--diff-filter=A", "--name-only", "--format=%x00%H", "--", `:(glob,top)${prefix}**/.env*`]);
  for (const block of log.split("\0").filter(Boolean)) {
    const [commit, ...names] = block.split("\n").filter(Boolean);
    for (const name of names) {
      const path = name.startsWith(prefix) ? name.slice(prefix.length) : name;
      if (seen.has(path)) continue;
      seen.add(path);
      const text2 = committedEnvFileSeverity(path) ? await readBlob(git2, `${commit}:${name}`) : void 0;
      out.push({ path, commit, ...text2 !== void 0 ? { text: text2 } : {} });
    }
  }
  return out;
}
async function readBlob(git2, object) {
  try {
    return (await git2(["cat-file", "-p", object])).slice(0, MAX_CONTENT);
  } catch {
    return void 0;
  }
}

// src/stages/env/config.ts
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
var FROM_VALUES = ["process", "github"];
var envConfigSchema = {
  properties: {
    repo: {
      type: "string",
      default: ".",
      description: "Folder of the app to scan for the variables it reads, relative to launch-ready.yml.",
      errorMessage: "expected a folder path; e.g. ./app"
    },
    target: {
      type: "string",
      default: "production",
      minLength: 1,
      description: "The environment the deploy goes to; its variables are checked against what the app needs.",
      errorMessage: "expected an environment name; e.g. production"
    },
    envFiles: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Dotenv files that provide the target environment (added to `environments.<target>.files`; set by `--env-file`).",
      errorMessage: "expected a list of dotenv files; e.g. [.env.production]"
    },
    environments: {
      type: "object",
      default: {},
      description: "What each environment provides: dotenv `files`, and `from: process` (the job environment) or `from: github` (names of the GitHub environment's secrets and variables).",
      errorMessage: "expected a mapping of environment names; e.g. {production: {files: [.env.production]}, staging: {files: [.env.staging]}}",
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: {
          files: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Dotenv files of this environment, relative to launch-ready.yml.",
            errorMessage: "expected a list of dotenv files; e.g. [.env.production]"
          },
          from: {
            anyOf: [
              { type: "string", enum: FROM_VALUES, errorMessage: "expected process or github (or a list of them); e.g. from: process" },
              { type: "array", items: { type: "string", enum: FROM_VALUES, errorMessage: "expected process or github; e.g. from: [process, github]" } }
            ],
            description: "`process`: the job's own environment provides variables; `github`: the GitHub environment of this name (needs a token that can read environments: the action's github-token, or on the command line GH_TOKEN or GITHUB_TOKEN with GITHUB_REPOSITORY=owner/name).",
            errorMessage: "expected process or github (or a list of them); e.g. from: process"
          },
          githubEnvironment: {
            type: "string",
            description: "Name of the GitHub environment when it differs from this key.",
            errorMessage: "expected a GitHub environment name; e.g. Production"
          }
        }
      }
    },
    probe: {
      type: "object",
      additionalProperties: false,
      description: "Fail-fast probe: start the app without one required variable at a time; it must exit non-zero within the timeout and name the variable.",
      errorMessage: 'expected a mapping; e.g. {command: "node server.js", timeoutSeconds: 10}',
      properties: {
        command: {
          type: "string",
          minLength: 1,
          description: "Start command, run with /bin/sh in the repo folder (set by `--probe`).",
          errorMessage: 'expected a shell command; e.g. "npm start"'
        },
        timeoutSeconds: {
          type: "number",
          exclusiveMinimum: 0,
          maximum: 300,
          default: 10,
          description: "How long the app may run without the variable before it counts as not failing fast.",
          errorMessage: "expected seconds between 0 and 300; e.g. 10"
        },
        variables: {
          type: "integer",
          minimum: 1,
          maximum: 20,
          default: 3,
          description: "How many required variables to probe (secret-looking ones first).",
          errorMessage: "expected a whole number from 1 to 20; e.g. 3"
        },
        passEnv: {
          type: "array",
          items: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
          default: [],
          description: "Names of job variables the start command may see beyond PATH, HOME, LANG and the like (e.g. NODE_OPTIONS). The target's values are set anyway; the workflow token, INPUT_*, ACTIONS_* runner tokens and LAUNCH_READY_* are never passed.",
          errorMessage: "expected a list of variable names; e.g. [NODE_OPTIONS, JAVA_HOME]"
        }
      }
    },
    ignore: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Variable names never reported (set by the platform, or deliberately optional).",
      errorMessage: "expected a list of names; e.g. [SENTRY_DSN]"
    },
    exclude: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Files to leave out when finding what the app reads, as globs relative to `repo` (test fixtures, examples, docs). Vendored and build folders are always skipped.",
      errorMessage: 'expected a list of globs; e.g. ["test/fixtures/**", "examples/**"]'
    },
    history: { type: "boolean", default: true, description: "Also look for dotenv files committed anywhere in git history." },
    list: {
      type: "boolean",
      default: false,
      description: "Show every variable found (why it is required or not, where it is read, whether the target sets it), not only the ones that matter (set by `--list`)."
    }
  }
};
function envConfigOf(section) {
  const environments = {};
  const given = section.environments;
  for (const [name, raw] of Object.entries(isRecord(given) ? given : {})) {
    if (!isRecord(raw)) continue;
    const from = [raw.from].flat().filter((f3) => isOneOf(FROM_VALUES, f3));
    environments[name] = { files: read.strings(raw, "files"), from };
    if (typeof raw.githubEnvironment === "string") environments[name].githubEnvironment = raw.githubEnvironment;
  }
  const config = {
    repo: read.string(section, "repo"),
    target: read.string(section, "target"),
    envFiles: read.strings(section, "envFiles"),
    environments,
    ignore: read.strings(section, "ignore"),
    exclude: read.strings(section, "exclude"),
    history: read.boolean(section, "history"),
    list: read.boolean(section, "list")
  };
  const probe2 = section.probe;
  if (isRecord(probe2)) {
    config.probe = {
      timeoutSeconds: read.number(probe2, "timeoutSeconds"),
      variables: read.number(probe2, "variables"),
      passEnv: read.strings(probe2, "passEnv")
    };
    if (typeof probe2.command === "string") config.probe.command = probe2.command;
  }
  return config;
}
function validateEnvConfig(section, baseDir) {
  const config = envConfigOf(section);
  const problems = [];
  const checkFile = (file, path) => {
    const full = resolve(baseDir, file);
    if (!existsSync(full)) problems.push({ path, message: `${file}: no such env file; create it or fix the path (relative to ${baseDir})` });
    else if (!statSync(full).isFile()) problems.push({ path, message: `${file}: is not a file; give the path of a dotenv file` });
  };
  config.envFiles.forEach((file, i) => checkFile(file, ["envFiles", i]));
  for (const [name, environment] of Object.entries(config.environments)) {
    environment.files.forEach((file, i) => checkFile(file, ["environments", name, "files", i]));
  }
  const repo = resolve(baseDir, config.repo);
  if (!existsSync(repo) || !statSync(repo).isDirectory())
    problems.push({ path: ["repo"], message: `${config.repo}: no such folder; give the folder of the app to scan` });
  return problems;
}

// src/stages/env/environments.ts
import { resolve as resolve2 } from "node:path";

// src/stages/env/sources.ts
import { readFileSync } from "node:fs";

// src/core/services.ts
var GitHubRequestError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
  name = "GitHubRequestError";
};

// src/stages/env/sources.ts
function dotenvSource(path, shown) {
  const parsed = parseDotenv(readFileSync(path, "utf8"));
  const variables = new Map(parsed.entries.map((e) => [e.key, { value: e.value, line: e.line }]));
  return { source: { label: shown, file: shown, variables }, problems: parsed.problems };
}
function processSource(env) {
  const variables = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(env)) if (value !== void 0) variables.set(name, { value });
  return { label: "the job environment", variables };
}
async function githubEnvironmentSource(github, environment) {
  const variables = /* @__PURE__ */ new Map();
  for (const [kind, perPage] of [
    ["secrets", 100],
    ["variables", 30]
  ]) {
    let items;
    try {
      items = await github.paginate(`/repos/{owner}/{repo}/environments/${encodeURIComponent(environment)}/${kind}`, { per_page: perPage }, 1e3);
    } catch (error) {
      const status = error instanceof GitHubRequestError ? error.status : 0;
      const why = status === 404 ? "not found (no such environment, or the token cannot see it)" : status === 403 || status === 401 ? "the token lacks permission" : reasonOf(error);
      throw new Error(`GitHub environment "${environment}" ${kind}: ${why}`, { cause: error });
    }
    for (const item of items) if (isRecord(item) && typeof item.name === "string") variables.set(item.name, {});
  }
  return { label: `GitHub environment "${environment}"`, variables };
}

// src/stages/env/environments.ts
async function loadEnvironments(config, ctx, sensitive) {
  const out = { snapshots: /* @__PURE__ */ new Map(), findings: [], errors: [] };
  const names = /* @__PURE__ */ new Set([...Object.keys(config.environments), ...config.envFiles.length > 0 ? [config.target] : []]);
  for (const name of names) {
    const environment = config.environments[name] ?? { files: [], from: [] };
    const files = [...environment.files, ...name === config.target ? config.envFiles : []];
    const snapshot = { name, sources: [] };
    for (const file of [...new Set(files)]) {
      try {
        const { source, problems } = dotenvSource(resolve2(ctx.baseDir, file), file);
        snapshot.sources.push(source);
        for (const problem of problems) out.findings.push(malformedLine(file, problem.line, problem.message));
      } catch (error) {
        out.errors.push({
          part: `env file ${file}`,
          message: `cannot read ${file}: ${reasonOf(error)}`,
          fix: "make the file readable by the job, or remove it from the config"
        });
      }
    }
    if (environment.from.includes("process")) snapshot.sources.push(processSource(ctx.env));
    if (environment.from.includes("github")) {
      const githubName = environment.githubEnvironment ?? name;
      const github = ctx.services.github;
      if (!github) {
        out.errors.push({
          part: `GitHub environment ${githubName}`,
          message: "no GitHub token, so its secrets and variables could not be listed",
          fix: "run in GitHub Actions with GITHUB_TOKEN (permission: environments read / actions read), or set GITHUB_TOKEN and GITHUB_REPOSITORY"
        });
      } else {
        try {
          snapshot.sources.push(await githubEnvironmentSource(github, githubName));
        } catch (error) {
          out.errors.push({
            part: `GitHub environment ${githubName}`,
            message: reasonOf(error),
            fix: "check the environment name and that the token may read environment secrets and variables"
          });
        }
      }
    }
    for (const source of snapshot.sources) {
      for (const [key, variable] of source.variables) if (variable.value && (sensitive(key) || isSecretLooking(key))) ctx.secrets.add(variable.value);
    }
    if (snapshot.sources.length > 0) out.snapshots.set(name, snapshot);
  }
  return out;
}
function probeEnvironment(target, appReads) {
  const env = {};
  for (const source of target?.sources ?? []) {
    const fromJob = source.file === void 0;
    for (const [key, variable] of source.variables) {
      if (variable.value === void 0 || fromJob && (!appReads(key) || isWithheld(key))) continue;
      env[key] = variable.value;
    }
  }
  return env;
}

// src/stages/env/files.ts
import { execFile as execFile2 } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile2);
var READ_CONCURRENCY = 32;
var SKIPPED_DIRS = /* @__PURE__ */ new Set([
  "node_modules",
  "vendor",
  ".venv",
  "venv",
  ".git",
  "dist",
  "build",
  "out",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".turbo",
  ".cache",
  "coverage",
  "__pycache__",
  "bower_components",
  ".yarn",
  ".pnpm-store"
]);
async function listFiles(root, options = {}) {
  const skip = options.skipDirs ?? SKIPPED_DIRS;
  if (options.useGit !== false) {
    const paths2 = await gitListing(root);
    if (paths2)
      return {
        paths: paths2.filter(
          (p2) => !p2.split("/").slice(0, -1).some((dir) => skip.has(dir))
        ),
        listing: "git"
      };
  }
  const paths = [];
  const visit = async (dir) => {
    if (options.signal?.aborted) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) await visit(join(dir, entry.name));
      } else if (entry.isFile()) {
        paths.push(relative(root, join(dir, entry.name)).split(sep).join("/"));
      }
    }
  };
  await visit(root);
  return { paths, listing: "walk" };
}
async function gitListing(root) {
  try {
    const { stdout } = await run2("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    return [...new Set(stdout.split("\0").filter(Boolean))];
  } catch {
    return void 0;
  }
}
async function readRepositoryFiles(root, options) {
  const { paths, listing } = await listFiles(root, options);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const result = { files: [], bytes: 0, skippedBinary: 0, skippedLarge: 0, listing };
  const wanted = paths.filter((path) => options.include(path));
  const readOne = async (path) => {
    const full = join(root, path);
    let buffer;
    try {
      const info = await stat(full);
      if (!info.isFile()) return void 0;
      if (info.size > maxBytes) return "large";
      buffer = await readFile(full);
    } catch {
      return void 0;
    }
    if (looksBinary(buffer)) return "binary";
    result.bytes += buffer.length;
    return { path, text: buffer.toString("utf8") };
  };
  for (let i = 0; i < wanted.length; i += READ_CONCURRENCY) {
    if (options.signal?.aborted) break;
    for (const read2 of await Promise.all(wanted.slice(i, i + READ_CONCURRENCY).map(readOne))) {
      if (read2 === "binary") result.skippedBinary++;
      else if (read2 === "large") result.skippedLarge++;
      else if (read2) result.files.push(read2);
    }
  }
  return result;
}

// src/stages/env/probe.ts
async function runProbe(probe2) {
  const started = performance.now();
  const named = new RegExp(`(^|[^A-Za-z0-9_])${probe2.variable}([^A-Za-z0-9_]|$)`);
  let namesIt = false;
  let firstLine;
  const done = (result) => ({
    variable: probe2.variable,
    durationMs: Math.round(performance.now() - started),
    ...result
  });
  try {
    const run4 = await probe2.processes.run({
      command: probe2.command,
      cwd: probe2.cwd,
      env: probe2.env,
      passEnv: probe2.passEnv ?? [],
      timeoutMs: probe2.timeoutMs,
      ...probe2.signal ? { signal: probe2.signal } : {},
      onLine: (line) => {
        if (firstLine === void 0 && line.trim() !== "") firstLine = line.trim();
        if (!namesIt && named.test(line)) namesIt = true;
      }
    });
    if (run4.timedOut || run4.aborted) return done({ outcome: "keeps-running", exitCode: null });
    const code = run4.exitCode;
    if (code === 127 || code === 126) return done({ outcome: "command-failed", exitCode: code, error: (firstLine ?? `exit code ${code}`).slice(0, 200) });
    if (code === 0) return done({ outcome: "exits-zero", exitCode: 0 });
    return done({ outcome: namesIt ? "fails-fast" : "exits-unnamed", exitCode: code });
  } catch (error) {
    return done({ outcome: "command-failed", exitCode: null, error: reasonOf(error).split("\n")[0] });
  }
}
function probeFindings(results, command, timeoutSeconds) {
  const out = [];
  const fix = (name) => `Validate ${name} when the app starts (envalid, zod, t3-env, or a plain check) and exit non-zero with a message naming it`;
  for (const result of results) {
    const name = result.variable;
    const base = { paths: ["deploy"], fingerprint: `env-probe:${result.outcome}:${name}` };
    switch (result.outcome) {
      case "fails-fast":
        break;
      case "keeps-running":
        out.push({
          ...base,
          ruleId: "env-probe-keeps-running",
          severity: "high",
          title: `The app does not fail fast when ${name} is missing: still running after ${timeoutSeconds} s`,
          fix: fix(name)
        });
        break;
      case "exits-zero":
        out.push({
          ...base,
          ruleId: "env-probe-exits-zero",
          severity: "high",
          title: `The app does not fail fast when ${name} is missing: it exited with code 0`,
          fix: fix(name)
        });
        break;
      case "exits-unnamed":
        out.push({
          ...base,
          ruleId: "env-probe-unnamed",
          severity: "medium",
          title: `The app exits (code ${result.exitCode}) when ${name} is missing but does not say which variable`,
          fix: `Name ${name} in the start-up error so whoever deploys knows what to set`
        });
        break;
      case "command-failed":
        out.push({
          ...base,
          ruleId: "env-probe-command-failed",
          severity: "medium",
          title: `The probe command could not run: ${result.error ?? "unknown error"}`,
          fix: `Check env.probe.command ("${command}"): it must start the app from the repository folder`,
          fingerprint: "env-probe:command-failed"
        });
        break;
    }
  }
  return out;
}

// src/stages/env/inventory.ts
var MAX_READS = 20;
var TABLE_ROWS = 30;
function readsOf(info) {
  const sorted = [...info.uses].sort((a, b3) => Number(contextOf(a.file) !== "app") - Number(contextOf(b3.file) !== "app"));
  const reads = [...new Set(sorted.map((u2) => `${u2.file}:${u2.line}`))];
  return reads.length > MAX_READS ? [...reads.slice(0, MAX_READS), `\u2026and ${reads.length - MAX_READS} more`] : reads;
}
function inventoryEntries(inventory, target) {
  return [...inventory.variables.values()].sort((a, b3) => Number(b3.required && !b3.platform) - Number(a.required && !a.platform) || a.name.localeCompare(b3.name)).map((info) => {
    const hit = target ? lookup(target, info.name) : void 0;
    return {
      name: info.name,
      required: info.required && !info.platform,
      why: info.platform ? `set by the platform; ${info.why}` : info.why,
      reads: readsOf(info),
      declared: info.declarations.some((d2) => d2.kind !== "schema-code"),
      inTarget: target ? hit !== void 0 && !hit.empty : null,
      secret: info.secret,
      startup: info.startup,
      platform: info.platform,
      app: info.uses.some((u2) => contextOf(u2.file) === "app"),
      usedBy: info.usedBy.map((c3) => CONTEXT_LABEL[c3])
    };
  });
}
function inventoryTable(entries, all) {
  const shown = all ? entries : entries.filter((e) => e.required || e.declared && e.inTarget === false).slice(0, TABLE_ROWS);
  if (shown.length === 0) return void 0;
  const cut = entries.length - shown.length;
  return {
    kind: "table",
    title: `Environment variables${all ? "" : " that matter"} (${shown.length} of ${entries.length})`,
    columns: ["Variable", "Required", "Why", "Read at", "Declared", "In target"],
    rows: shown.map((e) => [
      e.name,
      e.required ? e.secret ? "yes (secret)" : "yes" : !e.app && e.usedBy.length > 0 ? `no (used by ${e.usedBy.join(", ")})` : "no",
      e.why,
      e.reads.slice(0, 3).join(", ") + (e.reads.length > 3 ? ", \u2026" : ""),
      e.declared,
      e.inTarget === null ? "not compared" : e.inTarget
    ]),
    ...all ? { complete: true } : {},
    ...cut > 0 ? { note: `${cut} more in the JSON result (metrics.variables), or run launch-ready env --list` } : {}
  };
}

// src/stages/env/index.ts
var envStage = {
  id: "env",
  phase: "passive",
  title: "Environment variables",
  description: "every variable the app needs is set for the target environment and the app fails fast without one",
  built: true,
  checks: { paths: ["deploy"] },
  configSchema: envConfigSchema,
  flags: [
    { name: "repo", type: "string", configKey: "repo", valueName: "DIR", description: "folder of the app to scan (default: .)" },
    { name: "environment", type: "string", configKey: "target", valueName: "NAME", description: "target environment (default: production)" },
    {
      name: "env-file",
      type: "string",
      multiple: true,
      configKey: "envFiles",
      valueName: "FILE",
      description: "dotenv file providing the target environment (repeatable)"
    },
    {
      name: "probe",
      type: "string",
      configKey: "probe.command",
      valueName: "CMD",
      description: 'start command for the fail-fast probe, e.g. "node server.js"'
    },
    { name: "list", type: "boolean", configKey: "list", description: "show every variable found, with why it is required or not and where it is read" }
  ],
  validateConfig: validateEnvConfig,
  parseOptions: envConfigOf,
  run: runEnvStage
};
async function runEnvStage(ctx) {
  const config = ctx.options;
  const repo = resolve3(ctx.baseDir, config.repo);
  const errors = [];
  const findings = [];
  const started = performance.now();
  ctx.progress(`reading ${config.repo}`);
  const excluded = config.exclude.length > 0 ? (0, import_picomatch.default)(config.exclude, { dot: true }) : () => false;
  const walk2 = await readRepositoryFiles(repo, { include: (path) => isDiscoverable(path) && !excluded(path), signal: ctx.signal });
  const inventory = discoverAll(walk2.files);
  const discoveryMs = Math.round(performance.now() - started);
  const environments = await loadEnvironments(config, ctx, (name) => inventory.variables.get(name)?.secret === true);
  errors.push(...environments.errors);
  findings.push(...environments.findings);
  const target = environments.snapshots.get(config.target);
  findings.push(
    ...compareEnvironment({ inventory, environments: [...environments.snapshots.values()], ignore: new Set(config.ignore), ...target ? { target } : {} })
  );
  try {
    const committed = await findCommittedEnvFiles(repo, config.history);
    const kept = committed?.filter((file) => !excluded(file.path) && !config.ignore.includes(file.path));
    if (kept) findings.push(...committedEnvFileFindings(kept));
  } catch (error) {
    errors.push({
      part: "committed env files",
      message: `git could not list files: ${reasonOf(error)}`,
      fix: "fetch the full history (actions/checkout with fetch-depth: 0) or set env.history: false"
    });
  }
  let probeResults = [];
  if (config.probe?.command) {
    const withoutValue = target ? providedWithoutValue(
      config,
      inventory,
      target,
      probeEnvironment(target, (name) => inventory.variables.has(name))
    ) : [];
    if (withoutValue.length > 0) findings.push(probeSkippedFinding(config.probe.command, withoutValue));
    else {
      probeResults = await probeApp(config, repo, inventory, target, ctx);
      findings.push(...probeFindings(probeResults, config.probe.command, config.probe.timeoutSeconds));
    }
  }
  const required = [...inventory.variables.values()].filter((v2) => v2.required && !v2.platform);
  const entries = inventoryEntries(inventory, target);
  const table = inventoryTable(entries, config.list);
  const missing = findings.filter((f3) => f3.ruleId === "env-required-missing" || f3.ruleId === "env-required-empty").length;
  const verdict = target ? `${config.target}: ${missing} of ${required.length} required missing` : `${config.target}: not compared (no env file or source configured for it)`;
  const probed = probeResults.length > 0 ? `; probe: ${probeResults.filter((r2) => r2.outcome === "fails-fast").length}/${probeResults.length} fail fast` : "";
  return {
    summary: `read ${walk2.files.length} files: ${inventory.variables.size} variables, ${required.length} required; ${verdict}${probed}`,
    findings,
    metrics: {
      files: walk2.files.length,
      bytes: walk2.bytes,
      listing: walk2.listing,
      skippedBinary: walk2.skippedBinary,
      skippedLarge: walk2.skippedLarge,
      discoveryMs,
      variableCount: inventory.variables.size,
      required: required.length,
      variables: entries,
      missing,
      target: config.target,
      environments: [...environments.snapshots.values()].map((e) => ({ name: e.name, sources: e.sources.map((s) => s.label) })),
      ...inventory.envFrom.length > 0 ? { envFrom: inventory.envFrom } : {},
      ...probeResults.length > 0 ? { probe: probeResults.map((r2) => ({ variable: r2.variable, outcome: r2.outcome, exitCode: r2.exitCode, ms: r2.durationMs })) } : {}
    },
    ...table ? { blocks: [table] } : {},
    ...errors.length > 0 ? { errors } : {}
  };
}
function providedWithoutValue(config, inventory, target, probeEnv) {
  const ignore = new Set(config.ignore);
  return [...inventory.variables.values()].filter((v2) => v2.required && !v2.platform && !ignore.has(v2.name) && !clientPrefixOf(v2.name)).filter((v2) => lookup(target, v2.name) !== void 0 && probeEnv[v2.name] === void 0).map((v2) => v2.name).sort();
}
function probeSkippedFinding(command, names) {
  const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");
  return {
    ruleId: "env-probe-skipped",
    severity: "info",
    title: `The fail-fast probe of "${command}" did not run: no value here for ${shown}`,
    fix: "run the probe where the target environment's values are set (a job with them in its environment and from: process, or an env file); GitHub environment secrets give names only",
    paths: ["deploy"]
  };
}
async function probeApp(config, repo, inventory, target, ctx) {
  const probe2 = config.probe;
  const ignore = new Set(config.ignore);
  const candidates = [...inventory.variables.values()].filter((v2) => v2.required && !v2.platform && !ignore.has(v2.name) && !clientPrefixOf(v2.name)).filter((v2) => !target || lookup(target, v2.name) && !lookup(target, v2.name).empty).sort((a, b3) => Number(b3.secret) - Number(a.secret) || Number(b3.startup) - Number(a.startup) || a.name.localeCompare(b3.name)).slice(0, probe2.variables);
  const base = probeEnvironment(target, (name) => inventory.variables.has(name));
  const results = [];
  for (const variable of candidates) {
    if (ctx.signal.aborted) break;
    ctx.progress(`probing ${probe2.command} without ${variable.name}`);
    const env = { ...base };
    delete env[variable.name];
    const run4 = {
      processes: ctx.services.processes,
      command: probe2.command,
      cwd: repo,
      env,
      passEnv: probe2.passEnv,
      variable: variable.name,
      timeoutMs: probe2.timeoutSeconds * 1e3
    };
    const result = await runProbe({ ...run4, signal: ctx.signal });
    results.push(result);
    if (result.outcome === "command-failed") break;
  }
  return results;
}

// src/stages/readiness/config.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { resolve as resolve4 } from "node:path";

// src/stages/readiness/monitors/import.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/stages/readiness/monitors/model.ts
var REAL_TIME_KINDS = ["chat", "sms", "pager", "call", "push"];
var KIND_BY_NAME = {
  email: "email",
  mail: "email",
  smtp: "email",
  "e-mail": "email",
  slack: "chat",
  discord: "chat",
  teams: "chat",
  msteams: "chat",
  mattermost: "chat",
  telegram: "chat",
  googlechat: "chat",
  "google-chat": "chat",
  matrix: "chat",
  rocketchat: "chat",
  zulip: "chat",
  sms: "sms",
  twilio: "sms",
  pagerduty: "pager",
  opsgenie: "pager",
  pager: "pager",
  splunk: "pager",
  victorops: "pager",
  incidentio: "pager",
  "incident-io": "pager",
  call: "call",
  voice: "call",
  phone: "call",
  push: "push",
  pushover: "push",
  pushbullet: "push",
  ntfy: "push",
  gotify: "push",
  webhook: "webhook",
  custom: "webhook"
};
function kindOfProvider(provider) {
  const name = provider.toLowerCase().replace(/[\s_]/g, "");
  return KIND_BY_NAME[name] ?? KIND_BY_NAME[name.replace(/-/g, "")] ?? "other";
}
function parseChannel(text2) {
  const trimmed = text2.trim();
  const colon = trimmed.indexOf(":");
  const provider = colon > 0 ? trimmed.slice(0, colon) : trimmed;
  const kind = kindOfProvider(provider);
  if (kind === "other" && /^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { kind: "email", label: `email:${trimmed}` };
  return { kind, label: trimmed };
}
function parseInterval(value) {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== "string") return void 0;
  let total = 0;
  let matched = "";
  for (const part of value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)?/g)) {
    const amount = Number(part[1]);
    const unit = part[2] ?? "s";
    total += unit === "ms" ? amount / 1e3 : unit === "s" ? amount : unit === "m" ? amount * 60 : unit === "h" ? amount * 3600 : amount * 86400;
    matched += part[0];
  }
  return matched === value.trim().replace(/\s+/g, "") && total > 0 ? total : void 0;
}
function formatInterval(seconds2) {
  if (seconds2 === void 0) return "unknown";
  if (seconds2 % 3600 === 0) return `${seconds2 / 3600}h`;
  if (seconds2 % 60 === 0) return `${seconds2 / 60}m`;
  return `${seconds2}s`;
}

// src/stages/readiness/monitors/import.ts
var MONITOR_FORMATS = {
  "launch-ready": "launch-ready monitors list (YAML or JSON: {monitors: [{url, owner, channels, interval}]})",
  "uptime-kuma": "Uptime Kuma backup JSON (Settings \u2192 Backup \u2192 Export: {version, notificationList, monitorList})",
  uptimerobot: "UptimeRobot API v2 getMonitors JSON (with alert_contacts=1)",
  betterstack: 'Better Stack Uptime API JSON (GET /api/v2/monitors: {data: [{type: "monitor", attributes}]})',
  gatus: "Gatus config YAML (endpoints: with alerts:, and alerting:)"
};
var MonitorFormatError = class extends Error {
};
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var watchesUrl = (url) => {
  if (!url || !/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== "";
  } catch {
    return false;
  }
};
var text = (value) => typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
function knownFormatsText() {
  return Object.entries(MONITOR_FORMATS).map(([id, what]) => `${id} (${what})`).join("; ");
}
function detectMonitorFormat(data) {
  if (Array.isArray(data)) return data.every((m2) => isObject(m2) && typeof m2.url === "string") && data.length > 0 ? "launch-ready" : void 0;
  if (!isObject(data)) return void 0;
  if (Array.isArray(data.monitorList)) return "uptime-kuma";
  if (Array.isArray(data.monitors) && data.monitors.some((m2) => isObject(m2) && "friendly_name" in m2)) return "uptimerobot";
  if (Array.isArray(data.monitors)) return "launch-ready";
  if (Array.isArray(data.data) && data.data.some((m2) => isObject(m2) && isObject(m2.attributes) && ("check_frequency" in m2.attributes || m2.type === "monitor")))
    return "betterstack";
  if (Array.isArray(data.endpoints) || Array.isArray(data["external-endpoints"])) return "gatus";
  return void 0;
}
function importMonitors(content, shown) {
  let data;
  try {
    data = (0, import_yaml2.parse)(content, { uniqueKeys: false });
  } catch (error) {
    throw new MonitorFormatError(`${shown}: neither JSON nor YAML (${errorMessage(error).split("\n")[0]}); export the monitors again from your uptime service`);
  }
  const format = detectMonitorFormat(data);
  if (!format) throw new MonitorFormatError(`${shown}: not a monitors export launch-ready knows; known formats: ${knownFormatsText()}`);
  const source = `${shown} (${format})`;
  const json = isObject(data) ? data : {};
  switch (format) {
    case "launch-ready":
      return { format, ...fromNative(Array.isArray(data) ? data : Array.isArray(json.monitors) ? json.monitors : [], source) };
    case "uptime-kuma":
      return { format, ...fromUptimeKuma(json, source) };
    case "uptimerobot":
      return { format, ...fromUptimeRobot(json, source) };
    case "betterstack":
      return { format, ...fromBetterStack(json, source) };
    case "gatus":
      return { format, ...fromGatus(json, source) };
  }
}
function fromNative(items, source) {
  const monitors = [];
  const skipped = [];
  items.forEach((item, index) => {
    if (!isObject(item) || !text(item.url)) {
      skipped.push(`item ${index + 1}: no url`);
      return;
    }
    const monitor = {
      name: text(item.name) ?? text(item.url),
      url: text(item.url),
      channels: Array.isArray(item.channels) ? item.channels.filter((c3) => typeof c3 === "string").map(parseChannel) : [],
      source
    };
    const owner = text(item.owner);
    if (owner) monitor.owner = owner;
    const interval = parseInterval(item.interval);
    if (interval !== void 0) monitor.intervalSeconds = interval;
    if (typeof item.alertThresholdMs === "number") monitor.alertThresholdMs = item.alertThresholdMs;
    monitors.push(monitor);
  });
  return { monitors, skipped };
}
function fromUptimeKuma(data, source) {
  const channels = /* @__PURE__ */ new Map();
  for (const notification of recordsOf(data.notificationList)) {
    let config = {};
    try {
      const parsed = typeof notification.config === "string" ? JSON.parse(notification.config) : notification.config;
      if (isObject(parsed)) config = parsed;
    } catch {
    }
    const type = text(config.type) ?? "other";
    const target = text(config.smtpTo) ?? text(config.slackchannel) ?? text(notification.name);
    channels.set(String(notification.id), { kind: kindOfProvider(type), label: target ? `${type}:${target}` : type });
  }
  const monitors = [];
  const skipped = [];
  for (const item of recordsOf(data.monitorList)) {
    const name = text(item.name) ?? `monitor ${String(item.id)}`;
    const url = text(item.url);
    if (!watchesUrl(url)) {
      skipped.push(`${name}: ${text(item.type) ?? "non-HTTP"} monitor`);
      continue;
    }
    if (item.active === false || item.active === 0) {
      skipped.push(`${name}: paused`);
      continue;
    }
    const list = item.notificationIDList;
    const ids = isObject(list) ? Object.entries(list).filter(([, on2]) => on2 === true || on2 === 1).map(([id]) => id) : Array.isArray(list) ? list.map(String) : [];
    const monitor = { name, url, channels: ids.map((id) => channels.get(id)).filter((c3) => c3 !== void 0), source };
    const interval = parseInterval(item.interval);
    if (interval !== void 0) monitor.intervalSeconds = interval;
    const owner = Array.isArray(item.tags) ? item.tags.find((t2) => isObject(t2) && /^owner$/i.test(String(t2.name))) : void 0;
    if (isObject(owner) && text(owner.value)) monitor.owner = text(owner.value);
    monitors.push(monitor);
  }
  return { monitors, skipped };
}
var UPTIMEROBOT_CONTACT_TYPES = {
  "1": "sms",
  "2": "email",
  "3": "twitter",
  "5": "webhook",
  "6": "pushbullet",
  "7": "zapier",
  "9": "pushover",
  "11": "slack",
  "14": "voice",
  "15": "splunk",
  "16": "pagerduty",
  "17": "opsgenie",
  "20": "teams",
  "21": "googlechat",
  "23": "discord"
};
function fromUptimeRobot(data, source) {
  const monitors = [];
  const skipped = [];
  for (const item of recordsOf(data.monitors)) {
    const name = text(item.friendly_name) ?? `monitor ${String(item.id)}`;
    const url = text(item.url);
    if (!watchesUrl(url)) {
      skipped.push(`${name}: not an HTTP monitor`);
      continue;
    }
    if (item.status === 0) {
      skipped.push(`${name}: paused`);
      continue;
    }
    const contacts = Array.isArray(item.alert_contacts) ? item.alert_contacts.filter(isObject) : [];
    const channels = contacts.map((c3) => {
      const provider = UPTIMEROBOT_CONTACT_TYPES[String(c3.type)] ?? `type-${String(c3.type)}`;
      return { kind: kindOfProvider(provider), label: text(c3.value) && provider === "email" ? `email:${text(c3.value)}` : provider };
    });
    const monitor = { name, url, channels, source };
    const interval = parseInterval(item.interval);
    if (interval !== void 0) monitor.intervalSeconds = interval;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}
function fromBetterStack(data, source) {
  const monitors = [];
  const skipped = [];
  for (const item of recordsOf(data.data)) {
    if (!isObject(item.attributes)) continue;
    const a = item.attributes;
    const name = text(a.pronounceable_name) ?? text(a.url) ?? `monitor ${String(item.id)}`;
    const url = text(a.url);
    if (!watchesUrl(url)) {
      skipped.push(`${name}: ${text(a.monitor_type) ?? "non-HTTP"} monitor`);
      continue;
    }
    if (a.paused === true) {
      skipped.push(`${name}: paused`);
      continue;
    }
    const channels = [];
    if (a.email === true) channels.push({ kind: "email", label: "email (on-call team)" });
    if (a.sms === true) channels.push({ kind: "sms", label: "sms (on-call team)" });
    if (a.call === true) channels.push({ kind: "call", label: "call (on-call team)" });
    if (a.push === true) channels.push({ kind: "push", label: "push (on-call team)" });
    const monitor = { name, url, channels, source };
    const interval = parseInterval(a.check_frequency);
    if (interval !== void 0) monitor.intervalSeconds = interval;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}
function fromGatus(data, source) {
  const alerting = isObject(data.alerting) ? data.alerting : {};
  const emailTo = isObject(alerting.email) ? text(alerting.email.to) : void 0;
  const monitors = [];
  const skipped = [];
  const endpoints = [...recordsOf(data.endpoints), ...recordsOf(data["external-endpoints"])];
  for (const item of endpoints) {
    const name = [text(item.group), text(item.name)].filter(Boolean).join("/") || "endpoint";
    const url = text(item.url);
    if (item.enabled === false) {
      skipped.push(`${name}: disabled`);
      continue;
    }
    if (!watchesUrl(url)) {
      skipped.push(`${name}: ${kindOfEndpoint(text(item.url))} endpoint`);
      continue;
    }
    const alerts = Array.isArray(item.alerts) ? item.alerts.filter((a) => isObject(a) && a.enabled !== false) : [];
    const channels = alerts.map((a) => text(a.type)).filter((t2) => t2 !== void 0 && (isObject(alerting[t2]) || t2 === "custom")).map((t2) => ({ kind: kindOfProvider(t2), label: t2 === "email" && emailTo ? `email:${emailTo}` : t2 }));
    const monitor = { name, url, channels, source, intervalSeconds: parseInterval(item.interval) ?? 60 };
    const threshold = responseTimeThreshold(item.conditions);
    if (threshold !== void 0) monitor.alertThresholdMs = threshold;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}
function responseTimeThreshold(conditions) {
  if (!Array.isArray(conditions)) return void 0;
  for (const condition of conditions) {
    const match = /\[RESPONSE_TIME\]\s*<=?\s*(\d+)/.exec(String(condition));
    if (match) return Number(match[1]);
  }
  return void 0;
}
function kindOfEndpoint(url) {
  if (!url) return "external";
  return url.includes("://") ? url.split(":")[0] : "DNS";
}

// src/stages/readiness/config.ts
var URL_ITEM = { type: "string", errorMessage: "expected a full URL; e.g. https://app.example.com/login" };
var LOGS = {
  type: "object",
  additionalProperties: false,
  description: "Where the app's request logs can be read: a `file` or a `command` (its output is read).",
  errorMessage: 'expected {file: PATH} or {command: "docker logs app"}',
  properties: {
    file: { type: "string", description: "Log file, relative to launch-ready.yml." },
    command: { type: "string", minLength: 1, description: "Command whose output is the log, run with /bin/sh and a stripped environment." },
    passEnv: { type: "array", items: { type: "string" }, default: [], description: "Variables the log command may see." },
    waitSeconds: { type: "number", minimum: 0, maximum: 60, default: 2, description: "How long the sample request may take to reach the log." }
  }
};
var readinessConfigSchema = {
  properties: {
    monitors: {
      type: "array",
      default: [],
      description: "Uptime monitors: url, owner, channels (email plus one real-time channel), interval.",
      errorMessage: 'expected a list of monitors; e.g. [{url: "https://www.example.com/", owner: ana@example.com, channels: ["email:ops@example.com", "slack:#alerts"], interval: 1m}]',
      items: {
        type: "object",
        additionalProperties: false,
        required: ["url"],
        properties: {
          name: { type: "string", description: "Shown in the report; default: the URL." },
          url: { ...URL_ITEM, description: "The URL the monitor checks." },
          owner: { type: "string", description: "Who answers when it fires (a person, by email)." },
          channels: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Where alerts go: `email:ADDR`, `slack:#channel`, `sms:+NUMBER`, `pagerduty:SERVICE`.",
            errorMessage: 'expected a list; e.g. ["email:ops@example.com", "slack:#alerts"]'
          },
          interval: {
            type: ["string", "number"],
            description: "Time between checks: `30s`, `1m`, `5m`, or seconds.",
            errorMessage: "expected a duration; e.g. 1m"
          },
          alertThresholdMs: {
            type: "number",
            exclusiveMinimum: 0,
            description: "Response time (ms) above which this monitor alerts.",
            errorMessage: "expected milliseconds; e.g. 800"
          }
        }
      }
    },
    monitorsFile: {
      type: "string",
      description: "An export of your uptime service (Uptime Kuma backup, UptimeRobot or Better Stack API JSON, Gatus config), relative to launch-ready.yml.",
      errorMessage: "expected a file path; e.g. ./monitors.json"
    },
    owner: {
      type: "string",
      description: "Owner of monitors that name none (exports rarely carry one).",
      errorMessage: "expected a person; e.g. ana@example.com"
    },
    homepage: { ...URL_ITEM, description: "The homepage a monitor must cover (the handover command also lists trust.domain)." },
    loginUrl: { ...URL_ITEM, description: "The login page a monitor must cover." },
    healthUrl: { ...URL_ITEM, description: "The health endpoint: must answer, preferably `application/health+json`, and list its dependencies." },
    errorTracking: {
      anyOf: [
        { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
        {
          type: "object",
          additionalProperties: false,
          properties: { variable: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, provider: { type: "string", minLength: 1 } }
        }
      ],
      description: "The variable that must be set in the target environment (a Sentry-style DSN), or {provider: NAME} when tracking is set up another way.",
      errorMessage: "expected a variable name or {variable, provider}; e.g. SENTRY_DSN"
    },
    envFiles: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Dotenv files of the target environment for the error-tracking check; default: the environment launch-ready runs in.",
      errorMessage: "expected a list of dotenv files; e.g. [.env.production]"
    },
    logs: LOGS,
    logProbeUrl: { ...URL_ITEM, description: "Where the marked sample request goes; default: loginUrl, else the homepage." },
    burstResult: {
      type: "string",
      description: "A previous `launch-ready burst --format json` result, for p95 next to each monitor.",
      errorMessage: "expected a file path; e.g. ./burst.json"
    },
    latencyBudgetMs: {
      type: "number",
      exclusiveMinimum: 0,
      default: 800,
      description: "p95 above which a route needs a response-time alert.",
      errorMessage: "expected milliseconds; e.g. 800"
    },
    maxIntervalMinutes: {
      type: "number",
      exclusiveMinimum: 0,
      default: 5,
      description: "Longest check interval allowed on a critical path.",
      errorMessage: "expected minutes; e.g. 5"
    },
    handover: {
      type: "string",
      default: "HANDOVER.md",
      description: "The handover document, relative to launch-ready.yml (`launch-ready handover` writes it).",
      errorMessage: "expected a file path; e.g. HANDOVER.md"
    },
    diagnose: { type: "boolean", default: true, description: "Diagnose each critical-path URL layer by layer (DNS, TCP/TLS, HTTP, origin, health)." },
    authoritative: {
      type: "array",
      items: { type: "string", pattern: "^(\\[[0-9a-fA-F:.]+\\]|[0-9.]+|[0-9a-fA-F:]+)(:[0-9]{1,5})?$" },
      default: [],
      description: "Authoritative DNS servers of the zone (`ip[:port]`); default: found through the NS records.",
      errorMessage: 'expected a list of IP addresses with an optional port; e.g. ["198.51.100.53", "127.0.0.1:5353"]'
    },
    contacts: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Emergency contacts for HANDOVER.md: who, role, how to reach them.",
      errorMessage: 'expected a list; e.g. ["Ana Silva (CTO) ana@example.com +351 900 000 000"]'
    },
    deploySteps: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "How a release goes out, step by step, for HANDOVER.md.",
      errorMessage: 'expected a list of steps; e.g. ["merge to main", "the deploy workflow ships it"]'
    },
    rollbackSteps: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "How to roll back, step by step, for HANDOVER.md (the rollback drill time is added from its result).",
      errorMessage: "expected a list of steps"
    },
    secretManager: {
      type: "string",
      description: 'Where credentials live (e.g. "GitHub environment secrets", "1Password vault Ops"), for HANDOVER.md.',
      errorMessage: "expected a short description; e.g. GitHub environment secrets"
    },
    timeoutMs: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 6e4,
      default: 5e3,
      description: "Per-request timeout, ms.",
      errorMessage: "expected milliseconds; e.g. 5000"
    }
  }
};
var readinessFlags = [
  { name: "monitors-file", type: "string", configKey: "monitorsFile", valueName: "FILE", description: "an uptime-service export to read the monitors from" },
  { name: "health-url", type: "string", configKey: "healthUrl", valueName: "URL", description: "the health endpoint" },
  { name: "handover", type: "string", configKey: "handover", valueName: "FILE", description: "the handover document (default HANDOVER.md)" }
];
var URL_KEYS = ["homepage", "loginUrl", "healthUrl", "logProbeUrl"];
function validateReadinessConfig(section, baseDir) {
  const problems = [];
  const checkUrl = (value, path) => {
    if (typeof value !== "string") return;
    if (!isHttpUrl(value)) problems.push({ path, message: `"${value}" is not an http(s) URL; write a full URL, e.g. https://app.example.com/login` });
  };
  for (const key of URL_KEYS) checkUrl(section[key], [key]);
  listOrEmpty(section.monitors).forEach((m2, i) => checkUrl(isRecord(m2) ? m2.url : void 0, ["monitors", i, "url"]));
  const file = section.monitorsFile;
  if (typeof file === "string") {
    const path = resolve4(baseDir, file);
    if (!existsSync2(path))
      problems.push({
        path: ["monitorsFile"],
        message: `"${file}": no such file; export your monitors (e.g. Uptime Kuma: Settings \u2192 Backup \u2192 Export) and give its path`
      });
    else {
      try {
        importMonitors(readFileSync2(path, "utf8"), file);
      } catch (error) {
        if (!(error instanceof MonitorFormatError)) throw error;
        problems.push({ path: ["monitorsFile"], message: error.message });
      }
    }
  }
  const logs = isRecord(section.logs) ? section.logs : void 0;
  if (logs && logs.file === void 0 && logs.command === void 0)
    problems.push({ path: ["logs"], message: 'names neither a file nor a command; add file: PATH or command: "docker logs app"' });
  if (logs && logs.file !== void 0 && logs.command !== void 0) problems.push({ path: ["logs"], message: "names both a file and a command; keep one" });
  return problems;
}
function listOrEmpty(value) {
  return Array.isArray(value) ? value : [];
}
function errorTrackingOf(value) {
  if (typeof value === "string") return { variable: value };
  if (!isRecord(value)) return void 0;
  const tracking = {};
  const variable = stringOr(value.variable);
  const provider = stringOr(value.provider);
  if (variable !== void 0) tracking.variable = variable;
  if (provider !== void 0) tracking.provider = provider;
  return tracking;
}
function logSourceOf(value) {
  if (!isRecord(value)) return void 0;
  const logs = withSchemaDefaults(LOGS, value);
  const source = { passEnv: read.strings(logs, "passEnv"), waitSeconds: read.number(logs, "waitSeconds") };
  if (typeof logs.file === "string") source.file = logs.file;
  if (typeof logs.command === "string") source.command = logs.command;
  return source;
}
function parseReadinessOptions(given, baseDir) {
  const section = withSchemaDefaults(readinessConfigSchema, given);
  const monitors = fromNative(listOrEmpty(section.monitors), "launch-ready.yml").monitors;
  const options = {
    parsed: true,
    monitors,
    envFiles: read.strings(section, "envFiles"),
    latencyBudgetMs: read.number(section, "latencyBudgetMs"),
    maxIntervalMinutes: read.number(section, "maxIntervalMinutes"),
    handover: read.string(section, "handover"),
    diagnose: section.diagnose !== false,
    authoritative: read.strings(section, "authoritative"),
    timeoutMs: read.number(section, "timeoutMs"),
    contacts: read.strings(section, "contacts"),
    deploySteps: read.strings(section, "deploySteps"),
    rollbackSteps: read.strings(section, "rollbackSteps")
  };
  if (typeof section.monitorsFile === "string") {
    const imported = importMonitors(readFileSync2(resolve4(baseDir, section.monitorsFile), "utf8"), section.monitorsFile);
    options.monitors = [...monitors, ...imported.monitors];
    options.monitorsFile = { path: section.monitorsFile, format: imported.format, skipped: imported.skipped };
  }
  for (const key of ["owner", "homepage", "loginUrl", "healthUrl", "logProbeUrl", "burstResult", "secretManager"]) {
    const value = section[key];
    if (typeof value === "string") options[key] = value;
  }
  const tracking = errorTrackingOf(section.errorTracking);
  if (tracking) options.errorTracking = tracking;
  const logs = logSourceOf(section.logs);
  if (logs) options.logs = logs;
  return options;
}
var OWN_KEYS = ["monitors", "monitorsFile", "healthUrl", "errorTracking", "logs", "homepage", "loginUrl", "burstResult"];
function readinessNotConfigured(section) {
  const set = OWN_KEYS.some((key) => {
    const value = section[key];
    return value !== void 0 && !(Array.isArray(value) && value.length === 0);
  });
  return set ? void 0 : "Launch readiness: nothing configured (add readiness.monitors or readiness.monitorsFile, healthUrl, errorTracking, logs)";
}
function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

// src/stages/readiness/run.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { resolve as resolve7 } from "node:path";

// src/stages/readiness/diagnose/index.ts
import { isIP as isIP4 } from "node:net";

// src/stages/readiness/health.ts
var FAILING = /* @__PURE__ */ new Set(["fail", "failed", "failure", "error", "down", "unhealthy", "out_of_service", "critical", "ko", "false", "unavailable", "red"]);
var PASSING = /* @__PURE__ */ new Set(["pass", "passed", "ok", "up", "healthy", "true", "green", "available", "success"]);
function statusMeansOk(status) {
  if (typeof status === "boolean") return status;
  if (typeof status !== "string") return void 0;
  const word = status.trim().toLowerCase().replace(/[\s-]/g, "_");
  if (FAILING.has(word)) return false;
  if (PASSING.has(word)) return true;
  return void 0;
}
var isObject2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function readHealthAnswer(url, answer) {
  if ("error" in answer) return { url, error: answer.error, kind: "none", dependencies: [] };
  const report = { url, httpStatus: answer.status, kind: "empty", dependencies: [] };
  if (answer.contentType) report.contentType = answer.contentType;
  const body = answer.body.trim();
  if (body === "") return report;
  if (/html/i.test(answer.contentType ?? "") || /^<(!doctype|html|head|body)/i.test(body)) {
    return { ...report, kind: "html", sample: htmlSample(body) };
  }
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    return { ...report, kind: "text", sample: body.split("\n")[0].slice(0, 80) };
  }
  if (!isObject2(data)) return { ...report, kind: "json" };
  report.dependencies = dependenciesOf(data);
  if (data.status !== void 0) {
    report.kind = "health";
    report.status = String(data.status);
    const ok = statusMeansOk(data.status);
    if (ok !== void 0) report.statusOk = ok;
  } else {
    report.kind = report.dependencies.length > 0 ? "health" : "json";
  }
  return report;
}
function dependenciesOf(data) {
  const out = [];
  const add = (name, status, output) => {
    const ok = statusMeansOk(status);
    const dependency = { name, status: String(status), ok: ok !== false };
    if (typeof output === "string" && output.trim()) dependency.output = output.trim().slice(0, 120);
    out.push(dependency);
  };
  const checks = data.checks ?? data.details ?? data.components ?? data.entries ?? data.dependencies;
  if (isObject2(checks)) {
    for (const [name, value] of Object.entries(checks)) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (isObject2(item)) add(name, item.status ?? item.healthy, item.output ?? item.description ?? item.error);
        else add(name, item);
      }
    }
    return out;
  }
  if (Array.isArray(checks)) {
    for (const item of checks)
      if (isObject2(item)) add(String(item.name ?? item.componentId ?? "dependency"), item.status ?? item.healthy, item.output ?? item.error);
    return out;
  }
  for (const [name, value] of Object.entries(data)) {
    if (name === "status") continue;
    if (statusMeansOk(value) !== void 0 && (typeof value === "boolean" || typeof value === "string")) add(name, value);
    else if (isObject2(value) && value.status !== void 0 && statusMeansOk(value.status) !== void 0) add(name, value.status, value.error ?? value.output);
  }
  return out;
}
function htmlSample(body) {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  if (title) return `an HTML page titled "${title.slice(0, 60)}"`;
  const words = body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 60);
  return words ? `an HTML page starting "${words}"` : "an HTML page";
}
function failingDependencies(report) {
  return report.dependencies.filter((d2) => !d2.ok);
}
function healthFindings(report) {
  const location = { url: report.url };
  if (report.kind === "none") {
    return [
      {
        ruleId: "health-down",
        severity: "high",
        title: `The health endpoint does not answer: ${report.error}`,
        fix: "make the health endpoint answer (it is what the monitors and the load balancer ask)",
        location
      }
    ];
  }
  const status = report.httpStatus ?? 0;
  const down = failingDependencies(report);
  const names = down.map((d2) => `${d2.name} (${d2.status})`).join(", ");
  if (down.length > 0 && status >= 200 && status < 300) {
    return [
      {
        ruleId: "health-200-while-failing",
        severity: "high",
        title: `The health endpoint answers ${status} while it lists ${names} as down: a monitor that checks the status sees nothing wrong`,
        fix: 'answer 503 when a required dependency fails (and status "fail" in application/health+json), so monitors and load balancers notice',
        location,
        evidence: `HTTP ${status}, status ${report.status ?? "none"}; down: ${names}`
      }
    ];
  }
  if (down.length > 0) {
    return [
      {
        ruleId: "health-dependency-down",
        severity: "high",
        title: `The health endpoint reports ${names} down (HTTP ${status})`,
        fix: `restore ${down.map((d2) => d2.name).join(", ")} before launch, or take it off the health check if the app works without it`,
        location
      }
    ];
  }
  if (status >= 400) {
    const what = status === 404 ? "answers 404: there is no health endpoint at this URL" : `answers ${status}`;
    return [
      {
        ruleId: status >= 500 ? "health-down" : "health-missing",
        severity: status >= 500 ? "high" : "medium",
        title: `The health endpoint ${what}`,
        fix: "serve a health endpoint that answers 200 with application/health+json and its dependencies, and set readiness.healthUrl to it",
        location
      }
    ];
  }
  if (report.kind === "html") {
    return [
      {
        ruleId: "health-html",
        severity: "medium",
        title: `The health endpoint answers ${report.sample} instead of a health status (${report.contentType ?? "no content type"})`,
        fix: "point readiness.healthUrl at the real health route, or make it answer application/health+json; an HTML page (often the SPA fallback or a login page) says nothing about the app",
        location,
        evidence: `HTTP ${status}, ${report.contentType ?? "no content type"}`
      }
    ];
  }
  if (report.statusOk === false) {
    return [
      {
        ruleId: "health-200-while-failing",
        severity: "high",
        title: `The health endpoint answers ${status} with status "${report.status}"`,
        fix: "answer 503 when the service is failing, so monitors that check the status notice",
        location
      }
    ];
  }
  if (report.kind !== "health" || report.dependencies.length === 0) {
    const said = report.kind === "text" ? `plain text ("${report.sample}")` : report.kind === "empty" ? "an empty body" : report.kind === "json" ? "JSON without a status" : "a status but no dependencies";
    return [
      {
        ruleId: "health-unhelpful",
        severity: "low",
        title: `The health endpoint answers ${said}: it cannot tell a database outage from a healthy app`,
        fix: 'list the dependencies (database, queue, payment provider) with their status, as application/health+json "checks"',
        location
      }
    ];
  }
  return [];
}

// src/stages/readiness/diagnose/dns-layer.ts
import { isIP as isIP2 } from "node:net";

// src/core/dns.ts
import { promises as dnsPromises } from "node:dns";
import { isIP } from "node:net";
var UNKNOWN_REASONS = {
  ESERVFAIL: "SERVFAIL",
  ETIMEOUT: "timeout",
  EREFUSED: "REFUSED",
  ECONNREFUSED: "resolver unreachable (connection refused)",
  EBADRESP: "malformed answer",
  ECANCELLED: "cancelled",
  ENOTIMP: "NOTIMP",
  EFORMERR: "FORMERR"
};
function dnsAnswerOfError(error) {
  const code = errorCode(error) ?? "";
  if (code === "ENOTFOUND") return { status: "missing", reason: "NXDOMAIN" };
  if (code === "ENODATA") return { status: "missing", reason: "NODATA" };
  return { status: "unknown", reason: UNKNOWN_REASONS[code] ?? (code || String((isRecord(error) ? error.message : void 0) ?? error)) };
}
function serverAddress(server, defaultPort = 53, label = "DNS server") {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  let host = server;
  let port = defaultPort;
  if (bracketed) {
    host = bracketed[1];
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (isIP(server) !== 6) {
    const colon = server.lastIndexOf(":");
    if (colon > 0) {
      host = server.slice(0, colon);
      port = Number(server.slice(colon + 1));
    }
  }
  if (isIP(host) === 0) throw new Error(`${label} "${server}" is not an IP address; give the DNS server's address, e.g. 1.1.1.1 or 127.0.0.1:5353`);
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
function createSimpleDnsClient(servers, options) {
  const resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: options.tries });
  if (servers.length > 0) resolver.setServers(servers.map((s) => serverAddress(s)));
  return {
    async query(name, type) {
      try {
        return { status: "found", records: await recordsOf2(resolver, name, type) };
      } catch (error) {
        return dnsAnswerOfError(error);
      }
    }
  };
}
async function recordsOf2(resolver, name, type) {
  switch (type) {
    case "A":
      return (await resolver.resolve4(name, { ttl: true })).map((r2) => ({ type, value: r2.address, ttl: r2.ttl }));
    case "AAAA":
      return (await resolver.resolve6(name, { ttl: true })).map((r2) => ({ type, value: r2.address, ttl: r2.ttl }));
    case "CNAME":
      return (await resolver.resolveCname(name)).map((value) => ({ type, value }));
    case "NS":
      return (await resolver.resolveNs(name)).map((value) => ({ type, value }));
    case "MX":
      return (await resolver.resolveMx(name)).sort((a, b3) => a.priority - b3.priority).map((r2) => ({ type, value: `${r2.priority} ${r2.exchange}` }));
    case "TXT":
      return (await resolver.resolveTxt(name)).map((parts) => ({ type, value: parts.join(""), parts }));
    case "CAA":
      return (await resolver.resolveCaa(name)).map((r2) => ({ type, value: caaValue(r2) }));
    case "SOA": {
      const soa = await resolver.resolveSoa(name);
      return [{ type, value: `${soa.nsname} ${soa.hostmaster} ${soa.serial}`, ttl: soa.minttl }];
    }
  }
}
function caaValue(record) {
  for (const tag of ["issue", "issuewild", "iodef"]) {
    if (record[tag] !== void 0) return `${record.critical} ${tag} "${record[tag]}"`;
  }
  return `${record.critical}`;
}

// src/stages/readiness/diagnose/dns-layer.ts
async function diagnoseDns(host, options) {
  const name = host.replace(/^\[|\]$/g, "");
  if (isIP2(name) !== 0) return { host, status: "literal", resolvers: [], address: name };
  const clientOptions = { timeoutMs: Math.max(200, Math.floor(options.timeoutMs / 2)), tries: 1 };
  const servers = options.resolvers.length > 0 ? [...options.resolvers] : [];
  const resolverAnswers = servers.length > 0 ? await Promise.all(servers.map((server) => addressesFrom(createSimpleDnsClient([server], clientOptions), server, name))) : [await addressesFrom(createSimpleDnsClient([], clientOptions), "system resolver", name)];
  const authoritativeServers = options.authoritative.length > 0 ? [...options.authoritative] : await findAuthoritative(name, servers, clientOptions);
  let authoritative;
  for (const server of authoritativeServers) {
    authoritative = await addressesFrom(createSimpleDnsClient([server], clientOptions), server, name);
    if (authoritative.status !== "unknown") break;
  }
  return summarise(host, resolverAnswers, authoritative, authoritativeServers.length === 0);
}
function summarise(host, resolvers, authoritative, noAuthoritative) {
  const layer = { host, status: "ok", resolvers };
  if (authoritative) layer.authoritative = authoritative;
  if (noAuthoritative) layer.note = "no authoritative server found (no NS answer); set readiness.authoritative to compare";
  const truth = authoritative?.status === "found" ? new Set(authoritative.addresses) : void 0;
  if (truth) {
    for (const answer of resolvers) {
      if (answer.status === "found" && answer.addresses.some((a) => !truth.has(a))) answer.stale = true;
    }
  }
  const first = resolvers.find((r2) => r2.status === "found");
  if (first) layer.address = first.addresses[0];
  if (truth && authoritative && layer.address && !truth.has(layer.address)) layer.authoritativeAddress = authoritative.addresses[0];
  if (!first) {
    if (truth && authoritative) {
      layer.status = "propagating";
      layer.authoritativeAddress = authoritative.addresses[0];
    } else {
      layer.status = resolvers.some((r2) => r2.status === "unknown") ? "unknown" : "missing";
    }
    return layer;
  }
  if (resolvers.some((r2) => r2.stale || r2.status !== "found")) layer.status = "propagating";
  return layer;
}
async function addressesFrom(client, server, name) {
  const a = await client.query(name, "A");
  const answer = a.status === "missing" && a.reason === "NODATA" ? await client.query(name, "AAAA") : a;
  return answerOf(server, answer);
}
function answerOf(server, answer) {
  if (answer.status === "found") {
    const out = { server, status: "found", addresses: answer.records.map((r2) => r2.value) };
    const ttls = answer.records.map((r2) => r2.ttl).filter((t2) => t2 !== void 0);
    if (ttls.length > 0) out.ttl = Math.min(...ttls);
    return out;
  }
  return { server, status: answer.status, addresses: [], reason: answer.reason };
}
async function findAuthoritative(name, resolvers, options) {
  const client = createSimpleDnsClient(resolvers, options);
  const labels = name.replace(/\.$/, "").split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const zone = labels.slice(i).join(".");
    const ns2 = await client.query(zone, "NS");
    if (ns2.status !== "found") continue;
    const out = [];
    for (const record of ns2.records.slice(0, 3)) {
      const address = await client.query(record.value, "A");
      if (address.status === "found") out.push(...address.records.slice(0, 1).map((r2) => serverAddress(r2.value)));
    }
    return out;
  }
  return [];
}

// src/stages/readiness/diagnose/probe.ts
import { request as httpRequest } from "node:http";
import { connect as tcpConnect, isIP as isIP3 } from "node:net";
import { checkServerIdentity, connect as tlsConnect, rootCertificates } from "node:tls";
async function probe(url, address, port, options) {
  const started = performance.now();
  const tcp = await openTcp(address, port, options.timeoutMs);
  if (!tcp.socket) return { tcp: tcp.layer };
  let socket = tcp.socket;
  const result = { tcp: tcp.layer };
  try {
    if (url.protocol === "https:") {
      const tls = await handshake(tcp.socket, url.hostname, options);
      result.tls = tls.layer;
      if (!tls.socket) return result;
      socket = tls.socket;
    }
    const left = Math.max(1, options.timeoutMs - (performance.now() - started));
    result.http = await exchange(url, socket, { ...options, timeoutMs: left });
    return result;
  } finally {
    socket.destroy();
    tcp.socket.destroy();
  }
}
function openTcp(address, port, timeoutMs) {
  const started = performance.now();
  return new Promise((resolve10) => {
    const socket = tcpConnect({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve10({ layer: { ok: false, address, port, error: `no TCP connection within ${timeoutMs} ms` } });
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve10({ layer: { ok: true, address, port, ms: Math.round(performance.now() - started) }, socket });
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      resolve10({ layer: { ok: false, address, port, error: networkReason(error) } });
    });
  });
}
function handshake(raw, host, options) {
  const started = performance.now();
  return new Promise((resolve10) => {
    const servername = isIP3(host) === 0 ? host : void 0;
    const socket = tlsConnect({
      socket: raw,
      ...servername ? { servername } : {},
      ca: [...rootCertificates, ...options.ca],
      rejectUnauthorized: false,
      minVersion: "TLSv1.2"
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve10({ layer: { ok: false, error: `no TLS handshake within ${options.timeoutMs} ms` } });
    }, options.timeoutMs);
    socket.once("error", (error) => {
      clearTimeout(timer);
      resolve10({ layer: { ok: false, error: networkReason(error) } });
    });
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const layer = { ok: true, ms: Math.round(performance.now() - started) };
      const protocol = socket.getProtocol();
      if (protocol) layer.protocol = protocol;
      if (cert && Object.keys(cert).length > 0) describeCertificate(layer, cert);
      const nameError = cert && Object.keys(cert).length > 0 ? checkServerIdentity(host, cert) : new Error("the server sent no certificate");
      if (!socket.authorized && socket.authorizationError && String(socket.authorizationError) !== "ERR_TLS_CERT_ALTNAME_INVALID") {
        layer.ok = false;
        layer.error = `certificate not trusted (${String(socket.authorizationError)})`;
      } else if (nameError) {
        layer.ok = false;
        layer.error = `certificate does not cover ${host} (${nameError.message.split("\n")[0]})`;
      }
      resolve10({ layer, socket });
    });
  });
}
function describeCertificate(layer, cert) {
  const cn2 = (name) => {
    const value = isRecord(name) ? name.CN : void 0;
    return Array.isArray(value) ? value.join(", ") : stringOr(value);
  };
  const subject = cn2(cert.subject);
  const issuer = cn2(cert.issuer);
  if (subject) layer.subject = subject;
  if (issuer) layer.issuer = issuer;
  if (cert.valid_to) {
    const notAfter = new Date(cert.valid_to);
    layer.notAfter = notAfter.toISOString();
    layer.daysLeft = Math.floor((notAfter.getTime() - Date.now()) / 864e5);
  }
}
function exchange(url, socket, options) {
  const started = performance.now();
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve10) => {
    let settled = false;
    const finish = (layer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve10(layer);
    };
    const req = httpRequest({
      createConnection: () => socket,
      method: options.method ?? "GET",
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, "user-agent": "launch-ready (diagnose)", accept: "*/*", connection: "close", ...options.headers },
      ...options.signal ? { signal: options.signal } : {}
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, error: `no HTTP answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.once("error", (error) => finish({ ok: false, error: networkReason(error) }));
    req.once("response", (response) => {
      const layer = httpLayerOf(response.statusCode ?? 0, response.headers, Math.round(performance.now() - started));
      const chunks = [];
      let size = 0;
      const done = () => finish({ ...layer, body: Buffer.concat(chunks).subarray(0, maxBody).toString("utf8") });
      response.on("data", (chunk) => {
        if (size < maxBody) chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBody) {
          response.destroy();
          done();
        }
      });
      response.once("end", done);
      response.once("error", done);
      response.once("close", done);
    });
    req.end(options.body);
  });
}
function httpLayerOf(status, headers, ms4) {
  const one = (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const layer = { ok: status > 0 && status < 500, status, ms: ms4 };
  const cfRay = one("cf-ray");
  const cache = one("cf-cache-status");
  const server = one("server");
  const contentType2 = one("content-type");
  if (cfRay) layer.cfRay = cfRay;
  if (cache) layer.cfCacheStatus = cache;
  if (server) layer.server = server;
  if (contentType2) layer.contentType = contentType2;
  return layer;
}
function networkReason(error) {
  const known = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ETIMEDOUT: "timed out",
    EPROTO: "TLS handshake failed"
  };
  const code = error.code;
  if (code && known[code]) return `${known[code]} (${code})`;
  return (error.message ?? String(error)).split("\n")[0];
}

// src/stages/readiness/diagnose/verdict.ts
var CF_ORIGIN_DOWN = /* @__PURE__ */ new Set([520, 521, 522, 524]);
function probeOk(p2) {
  return p2?.http?.ok === true && (p2.tls === void 0 || p2.tls.ok);
}
function probeProblem(p2) {
  if (!p2.tcp.ok) return `${p2.tcp.error ?? "no connection"} at ${p2.tcp.address}:${p2.tcp.port}`;
  if (p2.tls && !p2.tls.ok) return `TLS: ${p2.tls.error ?? "handshake failed"}`;
  if (p2.http?.error) return `HTTP: ${p2.http.error}`;
  return `answers ${p2.http?.status ?? "?"}`;
}
function decide2(facts) {
  const path = pathOf(facts.url);
  const host = facts.dns.host;
  const down = facts.health ? failingDependencies(facts.health) : [];
  const originNote = probeOk(facts.origin) ? " while the origin answers directly" : "";
  if (facts.dns.status === "missing")
    return { answer: "dns", sentence: `dns: ${host} does not resolve (${reasonOf2(facts.dns)} at every resolver)${originNote}` };
  if (facts.dns.status === "unknown")
    return { answer: "dns", sentence: `dns: ${host} could not be resolved (${reasonOf2(facts.dns)}): DNS is unknown, not missing${originNote}` };
  const stale = facts.dns.resolvers.find((r2) => r2.stale);
  const main = facts.main;
  if (!probeOk(main) && facts.dns.status === "propagating" && probeOk(facts.fresh)) {
    const ttl = stale?.ttl !== void 0 ? `, TTL ${stale.ttl} s left` : "";
    return {
      answer: "dns",
      sentence: `dns: ${stale?.server ?? "a resolver"} still serves the old address ${facts.dns.address}${ttl}; the new address ${facts.dns.authoritativeAddress} answers`
    };
  }
  if (!main) return { answer: "dns", sentence: `dns: ${host} has no address to connect to` };
  if (!main.tcp.ok || main.tls && !main.tls.ok) {
    if (probeOk(facts.origin))
      return { answer: "edge", sentence: `edge: ${probeProblem(main)} while the origin (${facts.origin.target}) answers ${facts.origin.http.status}` };
    if (main.tls && !main.tls.ok) return { answer: "edge", sentence: `edge: ${host} fails TLS (${main.tls.error}) while DNS is fine` };
    return { answer: "app", sentence: `app: nothing accepts connections for ${host} (${probeProblem(main)}) while DNS is fine` };
  }
  const status = main.http?.status;
  if (down.length > 0) {
    const names = down.map((d2) => d2.name).join(", ");
    const page = status !== void 0 ? `${path} answers ${status}` : `${path} does not answer`;
    return {
      answer: "third-party",
      sentence: `third party: ${names} ${down.length > 1 ? "are" : "is"} down (the health endpoint says so); ${page} while DNS and TLS are fine`
    };
  }
  if (main.http?.ok) {
    const note = facts.dns.status === "propagating" && stale ? ` (propagating: ${stale.server} still serves ${stale.addresses.join(", ")}${stale.ttl !== void 0 ? `, TTL ${stale.ttl} s left` : ""})` : "";
    const edge = main.http.cfRay ? ` via Cloudflare (cf-cache-status ${main.http.cfCacheStatus ?? "none"})` : "";
    return { answer: "healthy", sentence: `healthy: ${path} answers ${status}${edge} in ${main.http.ms ?? "?"} ms${note}` };
  }
  return failedHttp(facts, main, path);
}
function failedHttp(facts, main, path) {
  const http = main.http;
  const status = http.status;
  const tlsFine = main.tls ? "DNS and TLS are fine" : "DNS is fine";
  if (http.cfRay) {
    if (facts.origin) {
      if (probeOk(facts.origin))
        return {
          answer: "edge",
          sentence: `edge: Cloudflare answers ${status ?? "nothing"} for ${path} while the origin (${facts.origin.target}) answers ${facts.origin.http.status}`
        };
      return { answer: "app", sentence: `app: ${path} ${originProblem(facts.origin)} from the origin while ${tlsFine}` };
    }
    if (status !== void 0 && CF_ORIGIN_DOWN.has(status))
      return { answer: "app", sentence: `app: Cloudflare answers ${status} for ${path}: it got no answer from the origin, while ${tlsFine}` };
    if (status !== void 0 && status >= 520 && status < 600 && status !== 500 && status !== 502 && status !== 503 && status !== 504) {
      return { answer: "edge", sentence: `edge: Cloudflare answers ${status} for ${path} (its own error page) while ${tlsFine}` };
    }
    return { answer: "app", sentence: `app: ${path} answers ${status ?? "nothing"} from the origin (passed through Cloudflare) while ${tlsFine}` };
  }
  if (facts.origin && probeOk(facts.origin))
    return {
      answer: "edge",
      sentence: `edge: ${path} answers ${status ?? http.error} at the address DNS gives, while the origin (${facts.origin.target}) answers ${facts.origin.http.status}`
    };
  if (status === void 0) return { answer: "app", sentence: `app: ${path} gives no HTTP answer (${http.error}) while ${tlsFine}` };
  return { answer: "app", sentence: `app: ${path} answers ${status} from the origin while ${tlsFine}` };
}
function originProblem(origin) {
  return origin.http?.status !== void 0 ? `answers ${origin.http.status}` : probeProblem(origin);
}
function reasonOf2(dns) {
  const reasons = [...new Set(dns.resolvers.map((r2) => r2.reason).filter(Boolean))];
  return reasons.join(", ") || "no address";
}
function pathOf(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

// src/stages/readiness/diagnose/index.ts
var portOf = (url) => url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
async function diagnoseUrl(target, options) {
  const url = new URL(target);
  const port = portOf(url);
  const probeOptions = { ca: options.network.ca, timeoutMs: options.timeoutMs, ...options.signal ? { signal: options.signal } : {} };
  const [dns, health] = await Promise.all([
    diagnoseDns(url.hostname, { resolvers: options.network.resolvers, authoritative: options.authoritative, timeoutMs: options.timeoutMs }),
    options.health ? Promise.resolve(options.health) : options.healthUrl ? readHealth(options.healthUrl, options) : Promise.resolve(void 0)
  ]);
  const facts = { url: url.href, dns };
  if (health) facts.health = health;
  const rules = parseConnectRules(options.network.connectTo);
  const routed = applyConnectTo(rules, url.hostname, port);
  const jobs = [];
  const frontDoorPort = routed.everyHost ? routed.port : port;
  const frontDoor = async (address) => routed.everyHost ? await routeAddress(routed.host, options) ?? address : address;
  if (dns.address) jobs.push(frontDoor(dns.address).then(async (address) => void (facts.main = await probe(url, address, frontDoorPort, probeOptions))));
  if (dns.authoritativeAddress)
    jobs.push(frontDoor(dns.authoritativeAddress).then(async (address) => void (facts.fresh = await probe(url, address, frontDoorPort, probeOptions))));
  if (routed.rewritten && !routed.everyHost) {
    jobs.push(
      routeAddress(routed.host, options).then(async (address) => {
        const target2 = `${routed.host}:${routed.port}`;
        facts.origin = address ? { ...await probe(url, address, routed.port, probeOptions), target: target2 } : { tcp: { ok: false, address: routed.host, port: routed.port, error: "the connectTo target does not resolve" }, target: target2 };
      })
    );
  }
  await Promise.all(jobs);
  return { ...decide2(facts), facts };
}
async function readHealth(healthUrl, options) {
  const url = new URL(healthUrl);
  const port = portOf(url);
  const routed = applyConnectTo(parseConnectRules(options.network.connectTo), url.hostname, port);
  const address = await routeAddress(routed.host, options);
  if (!address) return readHealthAnswer(healthUrl, { error: `${url.hostname} does not resolve` });
  const result = await probe(url, address, routed.port, {
    ca: options.network.ca,
    timeoutMs: options.timeoutMs,
    headers: { accept: "application/health+json, application/json;q=0.9, */*;q=0.1" }
  });
  if (!result.http || result.http.error) return readHealthAnswer(healthUrl, { error: result.http?.error ?? probeProblem(result) });
  return readHealthAnswer(healthUrl, {
    status: result.http.status ?? 0,
    ...result.http.contentType ? { contentType: result.http.contentType } : {},
    body: result.http.body ?? ""
  });
}
async function routeAddress(host, options) {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP4(bare) !== 0) return bare;
  const dns = await diagnoseDns(bare, { resolvers: options.network.resolvers, authoritative: [], timeoutMs: options.timeoutMs });
  return dns.address;
}
function layersTable(diagnosis) {
  const { facts } = diagnosis;
  const rows = [dnsRow(facts.dns)];
  const main = facts.main;
  if (main) rows.push(...probeRows(main, ""));
  if (facts.fresh) rows.push(...probeRows(facts.fresh, "new address ").filter((r2) => r2[0] === "new address HTTP"));
  if (facts.origin) {
    const o2 = facts.origin;
    rows.push([
      "Origin (connectTo)",
      o2.http?.ok === true,
      o2.http?.status !== void 0 ? `${o2.target}: HTTP ${o2.http.status} in ${o2.http.ms} ms` : `${o2.target}: ${probeProblem(o2)}`
    ]);
  }
  if (facts.health) rows.push(healthRow(facts.health));
  return { kind: "table", title: `Diagnose ${facts.url}: ${diagnosis.sentence}`, columns: ["Layer", "OK", "Evidence"], rows };
}
function dnsRow(dns) {
  if (dns.status === "literal") return ["DNS", true, `${dns.host} is an IP address`];
  const answers = dns.resolvers.map(
    (r2) => `${r2.server}: ${r2.status === "found" ? `${r2.addresses.join(", ")}${r2.ttl !== void 0 ? ` (TTL ${r2.ttl} s)` : ""}${r2.stale ? " OLD" : ""}` : r2.reason}`
  );
  const auth = dns.authoritative ? `authoritative ${dns.authoritative.server}: ${dns.authoritative.status === "found" ? dns.authoritative.addresses.join(", ") : dns.authoritative.reason}` : dns.note ?? "no authoritative answer";
  const evidence = dns.authoritative ? [auth, ...answers] : [...answers, auth];
  return ["DNS", dns.status === "ok" ? true : dns.status === "propagating" ? "propagating" : false, evidence.join("; ")];
}
function probeRows(p2, prefix) {
  const rows = [[`${prefix}TCP`, p2.tcp.ok, `${p2.tcp.address}:${p2.tcp.port}${p2.tcp.ok ? ` in ${p2.tcp.ms} ms` : `: ${p2.tcp.error}`}`]];
  if (p2.tls) {
    const cert = [
      p2.tls.subject && `subject ${p2.tls.subject}`,
      p2.tls.issuer && `issuer ${p2.tls.issuer}`,
      p2.tls.notAfter && `expires ${p2.tls.notAfter.slice(0, 10)} (${p2.tls.daysLeft} days)`
    ].filter(Boolean).join(", ");
    rows.push([`${prefix}TLS`, p2.tls.ok, [p2.tls.error, p2.tls.protocol, cert].filter(Boolean).join("; ")]);
  }
  if (p2.http) {
    const via = p2.http.cfRay ? `Cloudflare edge (cf-ray ${p2.http.cfRay}, cf-cache-status ${p2.http.cfCacheStatus ?? "none"})` : `origin${p2.http.server ? ` (server: ${p2.http.server})` : ""}`;
    rows.push([`${prefix}HTTP`, p2.http.ok, p2.http.status !== void 0 ? `${p2.http.status} in ${p2.http.ms} ms from ${via}` : p2.http.error ?? "no answer"]);
  }
  return rows;
}
function healthRow(health) {
  if (health.kind === "none") return ["Health", false, `${health.url}: ${health.error}`];
  const down = health.dependencies.filter((d2) => !d2.ok);
  const deps = health.dependencies.map((d2) => `${d2.name} ${d2.status}`).join(", ");
  return [
    "Health",
    down.length === 0 && (health.httpStatus ?? 500) < 500,
    `${health.url}: HTTP ${health.httpStatus}${health.status ? `, status ${health.status}` : ""}${deps ? `; ${deps}` : `; ${health.kind}`}`
  ];
}

// src/stages/readiness/edges.ts
import { spawn } from "node:child_process";
import { closeSync, openSync, readSync, statSync as statSync2 } from "node:fs";
async function send(ctx, request) {
  try {
    if (ctx.services) {
      const response = await ctx.services.http.request({ ...request, timeoutMs: ctx.timeoutMs, maxBodyBytes: 64 * 1024, signal: ctx.signal, verifyTls: true });
      const type = response.headers["content-type"];
      const answer2 = { status: response.status, body: Buffer.from(response.body).toString("utf8") };
      const contentType2 = Array.isArray(type) ? type[0] : type;
      if (contentType2) answer2.contentType = contentType2;
      return answer2;
    }
    const url = new URL(request.url);
    const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
    const routed = applyConnectTo(parseConnectRules(ctx.network.connectTo), url.hostname, port);
    const address = (await diagnoseDns(routed.host, { resolvers: ctx.network.resolvers, authoritative: [], timeoutMs: ctx.timeoutMs })).address;
    if (!address) return { error: `${routed.host} does not resolve` };
    const headers = { ...request.headers, ...request.body !== void 0 ? { "content-length": String(Buffer.byteLength(request.body)) } : {} };
    const result = await probe(url, address, routed.port, {
      ca: ctx.network.ca,
      timeoutMs: ctx.timeoutMs,
      headers,
      ...request.method ? { method: request.method } : {},
      ...request.body !== void 0 ? { body: request.body } : {}
    });
    if (!result.http || result.http.status === void 0) return { error: probeProblem(result) };
    const answer = { status: result.http.status, body: result.http.body ?? "" };
    if (result.http.contentType) answer.contentType = result.http.contentType;
    return answer;
  } catch (error) {
    return { error: errorMessage(error).split("\n")[0] };
  }
}
async function fetchHealth(ctx, healthUrl) {
  if (!ctx.services) return readHealth(healthUrl, { network: ctx.network, authoritative: [], timeoutMs: ctx.timeoutMs, signal: ctx.signal });
  const answer = await send(ctx, { url: healthUrl, headers: { accept: "application/health+json, application/json;q=0.9, */*;q=0.1" } });
  return readHealthAnswer(healthUrl, answer);
}
function sizeOf(file) {
  try {
    return statSync2(file).size;
  } catch {
    return 0;
  }
}
function readFrom(file, offset, maxBytes = 8 * 1024 * 1024) {
  const size = sizeOf(file);
  const start = size < offset ? 0 : offset;
  const length = Math.min(size - start, maxBytes);
  if (length <= 0) return "";
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}
async function commandLines(ctx, command, cwd, passEnv, env) {
  const lines = [];
  const timeoutMs = Math.max(ctx.timeoutMs, 1e4);
  if (ctx.services) {
    const result = await ctx.services.processes.run({
      command,
      cwd,
      passEnv,
      timeoutMs,
      signal: ctx.signal,
      onLine: (line) => void lines.push(line),
      keepLines: 0
    });
    if (result.timedOut) return { lines, error: `"${command}" did not finish within ${timeoutMs} ms` };
    if (result.exitCode !== 0 && lines.length === 0) return { lines, error: `"${command}" exited ${result.exitCode ?? result.signal}` };
    return { lines };
  }
  return new Promise((resolve10) => {
    const base = {};
    for (const name of ["PATH", "HOME", "LANG", "TMPDIR", ...passEnv]) if (env[name] !== void 0) base[name] = env[name];
    const child = spawn("/bin/sh", ["-c", command], { cwd, env: base, stdio: ["ignore", "pipe", "pipe"] });
    let rest = "";
    const take = (chunk) => {
      const parts = (rest + chunk.toString("utf8")).split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (rest) lines.push(rest);
      resolve10(code !== 0 && lines.length === 0 ? { lines, error: `"${command}" exited ${code}` } : { lines });
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve10({ lines, error: error.message });
    });
  });
}

// src/stages/readiness/error-tracking.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { resolve as resolve5 } from "node:path";
function targetEnvironmentFiles(readinessFiles, envSection) {
  if (readinessFiles.length > 0) return [...readinessFiles];
  if (!envSection) return [];
  const target = typeof envSection.target === "string" ? envSection.target : "production";
  const environment = isRecord(envSection.environments) ? envSection.environments[target] : void 0;
  return [...stringsOf(envSection.envFiles), ...isRecord(environment) ? stringsOf(environment.files) : []];
}
function readTargetEnvironment(files, baseDir, processEnv) {
  if (files.length === 0) {
    const variables2 = /* @__PURE__ */ new Map();
    for (const [name, value] of Object.entries(processEnv)) if (value !== void 0) variables2.set(name, value);
    return { label: "the environment launch-ready runs in", variables: variables2 };
  }
  const variables = /* @__PURE__ */ new Map();
  for (const file of files) {
    let text2;
    try {
      text2 = readFileSync3(resolve5(baseDir, file), "utf8");
    } catch (error) {
      throw new Error(`${file}: cannot read it (${errorCode(error) ?? "unreadable"}); fix readiness.envFiles (or the env stage's files for the target)`, {
        cause: error
      });
    }
    for (const [name, value] of parseDotenvLines(text2)) variables.set(name, value);
  }
  return { label: files.join(", "), variables };
}
function parseDotenvLines(text2) {
  const out = /* @__PURE__ */ new Map();
  for (const raw of text2.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!match) continue;
    let value = match[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === "`") && value.lastIndexOf(quote) > 0) value = value.slice(1, value.lastIndexOf(quote));
    else value = value.replace(/\s+#.*$/, "");
    out.set(match[1], value);
  }
  return out;
}
function errorTrackingFindings(declared, env) {
  if (!declared || !declared.variable && !declared.provider) {
    return [
      {
        ruleId: "error-tracking-missing",
        severity: "medium",
        title: "No server-side error tracking is declared: the first customer to hit a crash is the one who tells you",
        fix: "set up error tracking (Sentry or similar) and name its DSN variable in readiness.errorTracking, e.g. errorTracking: SENTRY_DSN"
      }
    ];
  }
  if (!declared.variable) return [];
  const value = env.variables.get(declared.variable);
  if (value === void 0 || value.trim() === "") {
    return [
      {
        ruleId: "error-tracking-unset",
        severity: "medium",
        title: `${declared.variable} is ${value === void 0 ? "not set" : "empty"} in ${env.label}: server errors are not reported anywhere`,
        fix: `set ${declared.variable} for the target environment (the DSN from your error tracker's project settings)`,
        evidence: `${declared.variable} ${value === void 0 ? "missing" : "empty"}`
      }
    ];
  }
  if (/DSN/i.test(declared.variable) && !/^https?:\/\/[^@\s]+@[^/\s]+\/\S+$/.test(value.trim())) {
    return [
      {
        ruleId: "error-tracking-malformed",
        severity: "low",
        title: `${declared.variable} in ${env.label} does not look like a DSN (https://KEY@HOST/PROJECT): the SDK may drop every event`,
        fix: `copy the DSN again from the error tracker's project settings into ${declared.variable}`
      }
    ];
  }
  return [];
}

// src/stages/readiness/handover-check.ts
var HANDOVER_SECTIONS = [
  { title: "Domain map", words: /domain|dns|hostname/i },
  { title: "Credentials", words: /credential|secret|where .*live/i },
  { title: "Deploy", words: /deploy|release/i },
  { title: "Rollback", words: /roll\s*back/i },
  { title: "Monitors", words: /monitor|alert|uptime/i },
  { title: "Emergency contacts", words: /contact|on[- ]call|escalat/i }
];
function headingsOf(markdown) {
  const lines = markdown.split(/\r?\n/);
  const out = [];
  lines.forEach((line, i) => {
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) out.push(atx[1]);
    else if (i > 0 && /^\s*(=+|-+)\s*$/.test(line) && lines[i - 1].trim()) out.push(lines[i - 1].trim());
  });
  return out;
}
function handoverFindings(file, text2, expected) {
  const location = { file };
  if (text2 === void 0) {
    return [
      {
        ruleId: "handover-missing",
        severity: "medium",
        title: `There is no ${file}: the next person on call has to reverse-engineer where things live`,
        fix: `run launch-ready handover to write ${file} from the config and the last results, fill in what it marks TODO, and commit it`,
        location
      }
    ];
  }
  const findings = [];
  const headings = headingsOf(text2);
  const missing = HANDOVER_SECTIONS.filter((s) => !headings.some((h3) => s.words.test(h3))).map((s) => s.title);
  if (missing.length > 0) {
    findings.push({
      ruleId: "handover-section-missing",
      severity: "low",
      title: `${file} has no section on ${missing.join(", ")}`,
      fix: `add a heading for each (launch-ready handover writes them all: ${HANDOVER_SECTIONS.map((s) => s.title).join(", ")})`,
      location
    });
  }
  const lower = text2.toLowerCase();
  for (const host of expected.hostnames) {
    if (lower.includes(host.toLowerCase())) continue;
    findings.push({
      ruleId: "handover-stale",
      severity: "low",
      title: `${file} does not mention ${host}: it is older than the config's domains`,
      fix: `add ${host} to the domain map (or run launch-ready handover again)`,
      location: { file, host }
    });
  }
  for (const monitor of expected.monitors) {
    if (lower.includes(monitor.url.toLowerCase()) || lower.includes(monitor.url.toLowerCase().replace(/\/$/, ""))) continue;
    findings.push({
      ruleId: "handover-stale",
      severity: "low",
      title: `${file} does not list the monitor of ${monitor.url}: it is older than the config's monitors`,
      fix: "add it with its owner to the monitors section (or run launch-ready handover again)",
      location: { file, url: monitor.url }
    });
  }
  return findings;
}

// src/stages/readiness/monitors/checks.ts
function covers(monitorUrl, targetUrl) {
  let monitor;
  let target;
  try {
    monitor = new URL(monitorUrl);
    target = new URL(targetUrl);
  } catch {
    return false;
  }
  const host = (u2) => u2.hostname.toLowerCase().replace(/\.$/, "");
  if (host(monitor) !== host(target)) return false;
  if (monitor.port && target.port && monitor.port !== target.port) return false;
  const path = (u2) => decodeURI(u2.pathname).replace(/\/+$/, "") || "/";
  return path(monitor) === path(target);
}
function coverageOf(targets, monitors) {
  return targets.map((target) => ({ target, monitors: monitors.filter((m2) => covers(m2.url, target.url)) }));
}
function coverageFindings(coverage) {
  return coverage.filter((c3) => c3.monitors.length === 0).map((c3) => {
    const finding = {
      ruleId: "monitor-missing",
      severity: "high",
      title: `Nobody is told when ${c3.target.label} breaks: no uptime monitor checks ${c3.target.url}`,
      fix: `add a monitor for ${c3.target.url} in your uptime service (and to readiness.monitors or the export in readiness.monitorsFile), with an owner, email and a real-time channel`,
      location: { url: c3.target.url }
    };
    if (c3.target.path) finding.paths = [c3.target.path];
    return finding;
  });
}
function alertingFindings(monitors, critical, options) {
  const findings = [];
  const pathsOf = (monitor) => [...new Set(critical.filter((c3) => c3.monitors.includes(monitor) && c3.target.path).map((c3) => c3.target.path))];
  for (const monitor of monitors) {
    const where2 = { url: monitor.url };
    const paths = pathsOf(monitor);
    const withPaths = (f3) => paths.length > 0 ? { ...f3, paths } : f3;
    if (!monitor.owner && !options.defaultOwner) {
      findings.push(
        withPaths({
          ruleId: "monitor-no-owner",
          severity: "medium",
          title: `Monitor "${monitor.name}" has no owner: when it fires, nobody knows it is theirs`,
          fix: "set owner: on the monitor in readiness.monitors, or readiness.owner for monitors imported from a service that has no owner field",
          location: where2
        })
      );
    }
    const email = monitor.channels.some((c3) => c3.kind === "email");
    const realTime = monitor.channels.some((c3) => REAL_TIME_KINDS.includes(c3.kind));
    if (!email || !realTime) findings.push(withPaths(channelFinding(monitor, email, realTime)));
    const isCritical = critical.some((c3) => c3.monitors.includes(monitor));
    if (isCritical && monitor.intervalSeconds !== void 0 && monitor.intervalSeconds > options.maxIntervalMinutes * 60) {
      findings.push(
        withPaths({
          ruleId: "monitor-interval",
          severity: "medium",
          title: `Monitor "${monitor.name}" checks only every ${formatInterval(monitor.intervalSeconds)}: an outage on a critical path can last that long unseen`,
          fix: `check critical paths at least every ${options.maxIntervalMinutes} min (1 min is common); raise readiness.maxIntervalMinutes only if that is a decision`,
          location: where2,
          evidence: `interval ${formatInterval(monitor.intervalSeconds)}`
        })
      );
    }
  }
  return findings;
}
function channelFinding(monitor, email, realTime) {
  const has = monitor.channels.map((c3) => c3.label).join(", ");
  const base = { ruleId: "monitor-channels", location: { url: monitor.url } };
  if (!email && !realTime) {
    return {
      ...base,
      severity: "high",
      title: `Monitor "${monitor.name}" alerts nobody: it has ${has ? `only ${has}` : "no alert channel"}`,
      fix: "send its alerts to an email address and one real-time channel (Slack, SMS, pager)"
    };
  }
  if (!realTime) {
    return {
      ...base,
      severity: "medium",
      title: `Monitor "${monitor.name}" alerts by email only: nobody is woken up when it fires at night`,
      fix: "add a real-time channel (Slack, SMS, PagerDuty/Opsgenie) next to the email",
      evidence: has
    };
  }
  return {
    ...base,
    severity: "medium",
    title: `Monitor "${monitor.name}" has no email channel: an alert missed in chat leaves no record in anyone's inbox`,
    fix: "add an email channel (the owner or an ops list) next to the real-time one",
    evidence: has
  };
}

// src/stages/readiness/latency.ts
function burstRoutesOf(result) {
  const stages = isRecord(result) ? result.stages : void 0;
  const stage = Array.isArray(stages) ? stages.find((s) => isRecord(s) && s.id === "burst") : result;
  const metrics = isRecord(stage) ? stage.metrics : void 0;
  const routes = isRecord(metrics) ? metrics.routes : void 0;
  const out = [];
  for (const route of recordsOf(routes)) {
    const p95 = isRecord(route.latencyMs) ? route.latencyMs.p95 : void 0;
    if (typeof route.url === "string" && typeof p95 === "number") out.push({ name: stringOr(route.name) ?? route.url, url: route.url, p95Ms: p95 });
  }
  return out;
}
function p95For(monitor, routes) {
  const matches = routes.filter((r2) => covers(monitor.url, r2.url)).map((r2) => r2.p95Ms);
  return matches.length > 0 ? Math.max(...matches) : void 0;
}
function latencyFindings(routes, monitors, budgetMs) {
  const findings = [];
  for (const route of routes) {
    if (route.p95Ms <= budgetMs) continue;
    const watching = monitors.filter((m2) => covers(m2.url, route.url));
    if (watching.some((m2) => m2.alertThresholdMs !== void 0 && m2.alertThresholdMs <= budgetMs)) continue;
    findings.push({
      ruleId: "p95-unwatched",
      severity: "medium",
      title: `${route.name} has p95 ${Math.round(route.p95Ms)} ms under the launch burst (over ${budgetMs} ms) and ${watching.length > 0 ? "its monitor has no response-time alert" : "no monitor watches it"}: it can get slower without anyone noticing`,
      fix: `add a response-time alert at ${budgetMs} ms on the monitor of ${route.url} (alertThresholdMs in readiness.monitors, or [RESPONSE_TIME] < ${budgetMs} in Gatus)`,
      location: { url: route.url },
      evidence: `p95 ${Math.round(route.p95Ms)} ms`
    });
  }
  return findings;
}

// src/stages/readiness/log-check.ts
import { resolve as resolve6 } from "node:path";

// src/stages/readiness/logs.ts
import { randomBytes } from "node:crypto";
function newLogMarkers() {
  const id = randomBytes(6).toString("hex");
  return { probeId: `lr-probe-${id}`, header: `lrsecret-hdr-${id}`, formField: `lrsecret-form-${id}` };
}
function sampleRequest(url, markers) {
  const target = new URL(url);
  target.searchParams.set("lr_probe", markers.probeId);
  return {
    url: target.href,
    method: "POST",
    headers: {
      authorization: `Bearer ${markers.header}`,
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": "launch-ready (log hygiene check)"
    },
    body: new URLSearchParams({ email: "launch-ready-check@example.invalid", password: markers.formField }).toString()
  };
}
function scanLog(lines, markers) {
  const scan2 = { sawRequest: false, headerLines: [], formLines: [] };
  let n = 0;
  for (const line of lines) {
    n++;
    if (line.includes(markers.probeId)) scan2.sawRequest = true;
    if (line.includes(markers.header)) scan2.headerLines.push(n);
    if (line.includes(markers.formField)) scan2.formLines.push(n);
  }
  if (scan2.headerLines.length > 0 || scan2.formLines.length > 0) scan2.sawRequest = true;
  return scan2;
}
function logFindings(scan2, where2, reason) {
  if (!scan2 || !where2) {
    return {
      verdict: "not checked",
      findings: [],
      note: reason ?? "no log source configured (readiness.logs.file or readiness.logs.command): whether request logs keep secrets was not checked"
    };
  }
  if (!scan2.sawRequest) {
    return {
      verdict: "not checked",
      findings: [],
      note: `the sample request did not show up in ${where2}, so it proves nothing about what the app logs; point readiness.logs at the request log`
    };
  }
  const findings = [];
  const line = (lines) => `line ${lines.slice(0, 3).join(", ")}${lines.length > 3 ? "..." : ""}`;
  if (scan2.headerLines.length > 0) {
    findings.push({
      ruleId: "log-leaks-header",
      severity: "high",
      title: `Request logs store the Authorization header: a marked test token sent in it appears in ${where2} (${line(scan2.headerLines)})`,
      fix: "redact Authorization, Cookie and API-key headers in the request logger (e.g. pino redact paths, or log only method, path and status)",
      evidence: `${where2}: ${line(scan2.headerLines)}`
    });
  }
  if (scan2.formLines.length > 0) {
    findings.push({
      ruleId: "log-leaks-form-field",
      severity: "high",
      title: `Request logs store form fields: a marked test password sent in a form appears in ${where2} (${line(scan2.formLines)})`,
      fix: "stop logging request bodies, or redact password, token and card fields before they reach the log",
      evidence: `${where2}: ${line(scan2.formLines)}`
    });
  }
  return { verdict: findings.length > 0 ? "no" : "yes", findings };
}

// src/stages/readiness/targets.ts
function homepageOf(options, config) {
  const trust = config.trust ?? {};
  if (options.homepage) return options.homepage;
  if (typeof trust.canonical === "string") return trust.canonical;
  if (typeof trust.domain === "string") return `https://${trust.domain.replace(/\.$/, "")}/`;
  return void 0;
}
function watchTargets(options, config) {
  const ids = new Set(config.criticalPaths.map((p2) => p2.id));
  const out = [];
  const add = (target) => {
    if (!out.some((t2) => t2.url === target.url)) out.push(target);
  };
  for (const path of config.criticalPaths) {
    for (const url of path.urls ?? []) add({ label: path.id, url, path: path.id });
  }
  const homepage = homepageOf(options, config);
  if (homepage) add({ label: "the homepage", url: homepage, ...ids.has("homepage") ? { path: "homepage" } : {} });
  if (options.loginUrl) add({ label: "login", url: options.loginUrl, ...ids.has("login") ? { path: "login" } : {} });
  if (options.healthUrl) add({ label: "the health endpoint", url: options.healthUrl });
  return out;
}
function criticalUrls(config) {
  const out = [];
  for (const path of config.criticalPaths) for (const url of path.urls ?? []) if (!out.some((u2) => u2.url === url)) out.push({ url, path: path.id });
  return out;
}
function configuredHostnames(options, config) {
  const trust = config.trust ?? {};
  const names = /* @__PURE__ */ new Set();
  const add = (name) => {
    if (typeof name === "string" && name.trim()) names.add(name.trim().toLowerCase().replace(/\.$/, ""));
  };
  const addUrl = (url) => {
    try {
      add(new URL(url).hostname);
    } catch {
    }
  };
  add(trust.domain);
  for (const host of stringsOf(trust.hostnames)) add(host);
  for (const path of config.criticalPaths) {
    for (const host of path.hosts ?? []) add(host);
    for (const url of path.urls ?? []) addUrl(url);
  }
  for (const url of [options.homepage, options.loginUrl, options.healthUrl]) if (url) addUrl(url);
  for (const monitor of options.monitors) addUrl(monitor.url);
  return [...names];
}

// src/stages/readiness/log-check.ts
var POLL_MS = 100;
async function checkLogs(ctx, options, edge) {
  const logs = options.logs;
  if (!logs) {
    const result2 = logFindings(void 0, void 0);
    return { ...result2, detail: "no log source configured" };
  }
  const probeUrl = options.logProbeUrl ?? options.loginUrl ?? homepageOf(options, { criticalPaths: ctx.criticalPaths ?? [] });
  if (!probeUrl)
    return {
      verdict: "not checked",
      findings: [],
      detail: "no URL to send the sample request to",
      note: "Log hygiene: set readiness.logProbeUrl (or loginUrl) so the marked sample request has somewhere to go."
    };
  const markers = newLogMarkers();
  const where2 = logs.file ?? `the output of "${logs.command}"`;
  const file = logs.file ? resolve6(ctx.baseDir, logs.file) : void 0;
  const offset = file ? sizeOf(file) : 0;
  const answer = await send(edge, sampleRequest(probeUrl, markers));
  if ("error" in answer) {
    return {
      verdict: "not checked",
      findings: [],
      detail: `sample request failed: ${answer.error}`,
      note: `Log hygiene not checked: the sample request to ${probeUrl} failed (${answer.error}).`
    };
  }
  const deadline = Date.now() + logs.waitSeconds * 1e3;
  let scan2;
  for (let round2 = 0; ; round2++) {
    let lines;
    if (file) {
      lines = readFrom(file, offset).split(/\r?\n/);
    } else {
      const out = await commandLines(edge, logs.command, ctx.baseDir, logs.passEnv, ctx.env);
      if (out.error)
        return {
          verdict: "not checked",
          findings: [],
          detail: out.error,
          error: {
            part: "logs.command",
            message: out.error,
            fix: "make readiness.logs.command print the request log (and pass the variables it needs with logs.passEnv)"
          }
        };
      lines = out.lines;
    }
    scan2 = scanLog(lines, markers);
    if (scan2.sawRequest || Date.now() >= deadline || round2 >= 50 || ctx.signal.aborted) break;
    await sleep(file ? POLL_MS : 500);
  }
  ctx.secrets.add(markers.header);
  ctx.secrets.add(markers.formField);
  const result = logFindings(scan2, where2);
  return {
    ...result,
    detail: result.verdict === "yes" ? `the marked header and form field are not in ${where2}` : result.verdict === "no" ? `a marked secret is in ${where2}` : `the sample request is not in ${where2}`
  };
}
function sleep(ms4) {
  return new Promise((resolve10) => setTimeout(resolve10, ms4));
}

// src/stages/readiness/run.ts
function optionsOf(ctx) {
  return parsedOrParse(ctx.options, ctx.baseDir);
}
function parsedOrParse(given, baseDir) {
  return isParsed2(given) ? given : parseReadinessOptions(given, baseDir);
}
function isParsed2(given) {
  return given.parsed === true;
}
async function runReadiness(ctx) {
  const options = optionsOf(ctx);
  const edge = { network: ctx.network, timeoutMs: options.timeoutMs, signal: ctx.signal, ...ctx.services ? { services: ctx.services } : {} };
  const scope = { criticalPaths: ctx.criticalPaths ?? [] };
  const out = { findings: [], errors: [], notes: [], checks: [] };
  const { findings, errors, notes, checks } = out;
  const { targets, coverage, uncovered } = checkMonitors(options, scope, out);
  const health = await checkHealth(edge, options, findings, checks);
  checkErrorTracking(ctx, options, findings, checks, errors);
  const logs = await checkLogs(ctx, options, edge);
  findings.push(...logs.findings);
  checks.push(["Request logs keep no secrets", logs.verdict, logs.detail]);
  if (logs.note) notes.push(logs.note);
  if (logs.error) errors.push(logs.error);
  const routes = readBurstRoutes(ctx, options, errors);
  if (routes) findings.push(...latencyFindings(routes, options.monitors, options.latencyBudgetMs));
  else notes.push("p95 per route: not measured (set readiness.burstResult to a previous `launch-ready burst --format json` result).");
  const handover = checkHandover(ctx, options, scope, out);
  const diagnoses = options.diagnose ? await diagnoseCriticalUrls(ctx, options, scope, health) : [];
  findings.push(...diagnosisFindings(diagnoses));
  const outcome = {
    summary: summaryOf2(
      options,
      targets.length,
      uncovered.length,
      logs.verdict,
      diagnoses.map((d2) => d2.diagnosis)
    ),
    findings,
    metrics: {
      monitors: options.monitors.length,
      ...options.monitorsFile ? { monitorsFormat: options.monitorsFile.format } : {},
      covered: targets.length - uncovered.length,
      targets: targets.length,
      uncovered: uncovered.map((c3) => c3.target.url),
      ...health ? { health: { url: health.url, httpStatus: health.httpStatus ?? null, kind: health.kind, down: failingDependencies(health).map((d2) => d2.name) } } : {},
      logs: logs.verdict,
      handover,
      diagnose: diagnoses.map(({ diagnosis, path }) => ({ url: diagnosis.facts.url, path, answer: diagnosis.answer, sentence: diagnosis.sentence }))
    },
    checkedPaths: checkedPathsOf(
      coverage,
      diagnoses.map((d2) => d2.path)
    ),
    blocks: blocksOf2(
      out,
      monitorsTable(options, coverage, routes),
      diagnoses.map((d2) => d2.diagnosis)
    )
  };
  if (errors.length > 0) outcome.errors = errors;
  return outcome;
}
function checkMonitors(options, scope, out) {
  const targets = watchTargets(options, scope);
  const coverage = coverageOf(targets, options.monitors);
  const uncovered = coverage.filter((c3) => c3.monitors.length === 0);
  out.findings.push(...coverageFindings(coverage));
  const alerting = alertingFindings(options.monitors, coverage, {
    maxIntervalMinutes: options.maxIntervalMinutes,
    ...options.owner ? { defaultOwner: options.owner } : {}
  });
  out.findings.push(...alerting);
  const covered = targets.length === 0 ? "no critical URL, homepage, login or health URL configured" : `${targets.length - uncovered.length} of ${targets.length} covered`;
  out.checks.push(["Every critical URL has a monitor", targets.length === 0 ? "not checked" : uncovered.length === 0 ? "yes" : "no", covered]);
  const from = options.monitorsFile ? ` (${options.monitorsFile.path}: ${options.monitorsFile.format})` : "";
  out.checks.push([
    "Monitors have an owner, email and a real-time channel, and check often",
    options.monitors.length === 0 ? "not checked" : alerting.length === 0 ? "yes" : "no",
    `${options.monitors.length} monitor(s)${from}`
  ]);
  if (!homepageOf(options, scope)) out.notes.push("The homepage is not known: set readiness.homepage so a monitor is required on it.");
  const skipped = options.monitorsFile?.skipped ?? [];
  if (skipped.length > 0) out.notes.push(`Not counted from ${options.monitorsFile.path}: ${skipped.slice(0, 5).join("; ")}${skipped.length > 5 ? "..." : ""}`);
  return { targets, coverage, uncovered };
}
function checkHandover(ctx, options, scope, out) {
  const file = options.handover;
  const text2 = readOptional(resolve7(ctx.baseDir, file));
  const found = handoverFindings(file, text2, { hostnames: configuredHostnames(options, scope), monitors: options.monitors });
  out.findings.push(...found);
  out.checks.push([
    `${file} is current`,
    found.length === 0 ? "yes" : "no",
    text2 === void 0 ? "missing" : found.length === 0 ? "has every section, hostname and monitor" : `${found.length} gap(s)`
  ]);
  return text2 === void 0 ? "missing" : found.length === 0 ? "current" : "stale";
}
function diagnosisFindings(diagnoses) {
  return diagnoses.filter(({ diagnosis }) => diagnosis.answer !== "healthy").map(({ diagnosis, path }) => ({
    ruleId: `diagnose-${diagnosis.answer}`,
    // DNS that could not be told (SERVFAIL, a timeout) is not proof the site is down: high, not blocker.
    severity: diagnosis.answer === "third-party" || diagnosis.facts.dns.status === "unknown" ? "high" : "blocker",
    title: diagnosis.sentence,
    fix: fixOf(diagnosis),
    paths: [path],
    location: { url: diagnosis.facts.url }
  }));
}
function blocksOf2(out, monitors, diagnoses) {
  const blocks = [{ kind: "table", title: "Launch readiness", columns: ["Check", "Verdict", "Detail"], rows: out.checks }, monitors];
  if (diagnoses.length > 0)
    blocks.push({
      kind: "table",
      title: "Is it DNS or the app?",
      columns: ["URL", "Answer", "Why"],
      rows: diagnoses.map((d2) => [d2.facts.url, d2.answer, d2.sentence])
    });
  for (const diagnosis of diagnoses) if (diagnosis.answer !== "healthy") blocks.push(layersTable(diagnosis));
  if (out.notes.length > 0) blocks.push({ kind: "notes", title: "Not checked, and why", items: out.notes });
  return blocks;
}
async function checkHealth(edge, options, findings, checks) {
  if (!options.healthUrl) {
    findings.push({
      ruleId: "health-missing",
      severity: "medium",
      title: "No health endpoint is configured: a monitor can see that a page loads, not that the database or payments work",
      fix: "serve a health endpoint (application/health+json with its dependencies) and set readiness.healthUrl to it"
    });
    checks.push(["The health endpoint answers and lists its dependencies", "no", "readiness.healthUrl not set"]);
    return void 0;
  }
  const report = await fetchHealth(edge, options.healthUrl);
  const own = healthFindings(report);
  findings.push(...own);
  const detail = report.kind === "none" ? report.error : `HTTP ${report.httpStatus}, ${report.contentType ?? "no content type"}, ${report.dependencies.length} dependenc${report.dependencies.length === 1 ? "y" : "ies"}`;
  checks.push(["The health endpoint answers and lists its dependencies", own.length === 0 ? "yes" : "no", detail]);
  return report;
}
function checkErrorTracking(ctx, options, findings, checks, errors) {
  try {
    const env = readTargetEnvironment(options.envFiles, ctx.baseDir, ctx.env);
    const own = errorTrackingFindings(options.errorTracking, env);
    findings.push(...own);
    const what = options.errorTracking?.variable ? `${options.errorTracking.variable} in ${env.label}` : options.errorTracking?.provider ?? "readiness.errorTracking not set";
    checks.push(["Server-side error tracking is configured", own.length === 0 ? "yes" : "no", what]);
  } catch (error) {
    errors.push({ part: "error tracking", message: errorMessage(error), fix: "fix readiness.envFiles so every file can be read" });
    checks.push(["Server-side error tracking is configured", "not checked", errorMessage(error)]);
  }
}
function readBurstRoutes(ctx, options, errors) {
  if (!options.burstResult) return void 0;
  const text2 = readOptional(resolve7(ctx.baseDir, options.burstResult));
  if (text2 === void 0) {
    errors.push({
      part: "burst result",
      message: `${options.burstResult}: no such file`,
      fix: "run launch-ready burst --format json --output burst.json first, or drop readiness.burstResult"
    });
    return void 0;
  }
  try {
    return burstRoutesOf(JSON.parse(text2));
  } catch {
    errors.push({ part: "burst result", message: `${options.burstResult}: not JSON`, fix: "write it with launch-ready burst --format json --output FILE" });
    return void 0;
  }
}
async function diagnoseCriticalUrls(ctx, options, scope, health) {
  const urls = criticalUrls(scope).slice(0, 20);
  if (urls.length > 2) ctx.progress(`diagnosing ${urls.length} critical URLs`);
  return Promise.all(
    urls.map(async ({ url, path }) => ({
      path,
      diagnosis: await diagnoseUrl(url, {
        network: ctx.network,
        authoritative: options.authoritative,
        timeoutMs: options.timeoutMs,
        signal: ctx.signal,
        ...health ? { health } : {}
      })
    }))
  );
}
function fixOf(diagnosis) {
  switch (diagnosis.answer) {
    case "dns":
      return "fix the DNS records at your DNS provider (or wait out the TTL while resolvers still serve the old address); launch-ready diagnose URL shows each resolver's answer";
    case "edge":
      return "look at the CDN or load balancer in front of the app (certificate, origin settings, firewall rules): the origin itself answers";
    case "app":
      return "look at the app: its logs and the last deploy (roll back if the last release broke it); DNS and TLS are not the problem";
    default:
      return "check the status page of the dependency the health endpoint names, and degrade gracefully (queue, retry, a clear message) while it is down";
  }
}
function monitorsTable(options, coverage, routes) {
  const rows = options.monitors.map((m2) => {
    const covers2 = coverage.filter((c3) => c3.monitors.includes(m2)).map((c3) => c3.target.label);
    const p95 = routes ? p95For(m2, routes) : void 0;
    return [
      m2.name,
      m2.url,
      m2.owner ?? options.owner ?? null,
      m2.channels.map((c3) => c3.label).join(", ") || null,
      formatInterval(m2.intervalSeconds),
      covers2.join(", ") || null,
      routes ? p95 !== void 0 ? `${Math.round(p95)} ms` : "not in the burst" : "not measured"
    ];
  });
  for (const c3 of coverage.filter((x3) => x3.monitors.length === 0)) rows.push(["(no monitor)", c3.target.url, null, null, null, c3.target.label, null]);
  return { kind: "table", title: "Monitors", columns: ["Monitor", "URL", "Owner", "Channels", "Interval", "Covers", "Burst p95"], rows };
}
function checkedPathsOf(coverage, diagnosed) {
  return [.../* @__PURE__ */ new Set([...coverage.map((c3) => c3.target.path).filter((p2) => p2 !== void 0), ...diagnosed])];
}
function summaryOf2(options, targets, uncovered, logs, diagnoses) {
  const parts = [`${options.monitors.length} monitor(s) cover ${targets - uncovered} of ${targets} URLs`, `logs clean: ${logs}`];
  const sick = diagnoses.filter((d2) => d2.answer !== "healthy");
  if (diagnoses.length > 0)
    parts.push(
      sick.length === 0 ? `${diagnoses.length} critical URL(s) healthy` : `${sick.length} of ${diagnoses.length} critical URL(s) failing (${[...new Set(sick.map((d2) => d2.answer))].join(", ")})`
    );
  return parts.join("; ");
}
function readOptional(path) {
  try {
    return readFileSync4(path, "utf8");
  } catch {
    return void 0;
  }
}

// src/stages/readiness/index.ts
var readinessStage = {
  id: "readiness",
  phase: "passive",
  title: "Launch readiness",
  description: "monitors cover every critical path with an owner and two channels; health, error tracking, log hygiene, HANDOVER.md",
  built: true,
  checks: { paths: ["signup", "checkout", "login", "homepage"], locations: true },
  configSchema: readinessConfigSchema,
  flags: readinessFlags,
  validateConfig: validateReadinessConfig,
  parseOptions: parseReadinessOptions,
  notConfigured: readinessNotConfigured,
  run: runReadiness
};

// src/stages/rollback/index.ts
import { resolve as resolve8 } from "node:path";

// src/stages/rollback/config.ts
var STATUS = {
  type: "integer",
  minimum: 100,
  maximum: 599,
  errorMessage: "expected an HTTP status from 100 to 599 (or a list of them); e.g. 200 or [400, 401, 422]"
};
var SMOKE_ITEM = {
  type: "object",
  additionalProperties: false,
  errorMessage: "expected a smoke check; e.g. {path: /healthz, status: 200}",
  properties: {
    path: {
      type: "string",
      description: "Path (or absolute URL) to request, resolved against `rollback.url`.",
      errorMessage: "expected a path; e.g. /healthz"
    },
    method: { type: "string", pattern: "^[A-Za-z]+$", default: "GET", description: "HTTP method.", errorMessage: "expected an HTTP method; e.g. POST" },
    status: {
      anyOf: [STATUS, { type: "array", items: STATUS, minItems: 1 }],
      default: 200,
      description: "Accepted status, or a list of them.",
      errorMessage: "expected a status code or a list of them; e.g. 200 or [400, 401, 422]"
    },
    contains: {
      anyOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 } }
      ],
      description: "Text the body must contain (or a list of texts).",
      errorMessage: 'expected a text or a list of texts; e.g. "Book a call"'
    },
    headers: {
      type: "object",
      additionalProperties: { type: ["string", "boolean"] },
      description: "Response header assertions: `true` present, `false` absent, text = the value contains it.",
      errorMessage: "expected header names with a text or true/false; e.g. {content-type: text/html, x-powered-by: false}"
    },
    jsonPath: {
      type: "object",
      description: "Assertions on a JSON body: `$.path.to[0].value` \u2192 the value it must equal.",
      errorMessage: 'expected JSON paths with values; e.g. {"$.status": "ok"}'
    },
    json: { description: "Request body, sent as JSON." },
    headersFromEnv: {
      type: "object",
      additionalProperties: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      description: "Request headers whose values come from environment variables (header \u2192 variable name); values are never printed.",
      errorMessage: "expected header names with variable names; e.g. {Authorization: SMOKE_AUTH_HEADER}"
    },
    basicAuthFromEnv: {
      type: "object",
      additionalProperties: false,
      required: ["username", "password"],
      properties: {
        username: { type: "string", description: "Variable holding the user name." },
        password: { type: "string", description: "Variable holding the password." }
      },
      description: "Basic auth from environment variables (names of the variables holding user name and password).",
      errorMessage: "expected {username: VAR, password: VAR}; e.g. {username: SMOKE_USER, password: SMOKE_PASSWORD}"
    },
    maxMs: { type: "number", exclusiveMinimum: 0, description: "Slowest acceptable answer, ms.", errorMessage: "expected milliseconds above 0; e.g. 1500" },
    timeoutMs: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 12e4,
      default: 1e4,
      description: "Give up on an answer after this long, ms.",
      errorMessage: "expected milliseconds above 0 and at most 120000; e.g. 10000"
    }
  }
};
var DRILL = {
  type: "object",
  additionalProperties: false,
  required: ["rollbackCommand", "rollForwardCommand"],
  description: "The rollback drill: roll back, check, roll forward, check, against a time budget. Its commands come from this file: review changes to them like code.",
  errorMessage: 'expected {rollbackCommand, rollForwardCommand, ...}; e.g. {rollbackCommand: "vercel rollback", rollForwardCommand: "vercel promote $LAUNCH_READY_CURRENT_RELEASE"}',
  properties: {
    rollbackCommand: {
      type: "string",
      minLength: 1,
      description: "Shell command that rolls the deployment back to the previous release.",
      errorMessage: 'expected a shell command; e.g. "vercel rollback"'
    },
    rollForwardCommand: {
      type: "string",
      minLength: 1,
      description: "Shell command that restores the current release ($LAUNCH_READY_CURRENT_RELEASE).",
      errorMessage: 'expected a shell command; e.g. "vercel promote $LAUNCH_READY_CURRENT_RELEASE"'
    },
    passEnv: {
      type: "array",
      items: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      default: [],
      description: "The only job variables the commands see (plus PATH, HOME and the like); the workflow token and runner tokens never pass.",
      errorMessage: "expected a list of variable names; e.g. [VERCEL_TOKEN]"
    },
    waitSeconds: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 3600,
      default: 300,
      description: "How long to wait for the served version to change after each command.",
      errorMessage: "expected seconds above 0 and at most 3600; e.g. 300"
    },
    budgetSeconds: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 7200,
      default: 600,
      description: "The whole drill must finish within this (roll back, smoke, roll forward, smoke).",
      errorMessage: "expected seconds above 0 and at most 7200; e.g. 600"
    },
    pollSeconds: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 60,
      default: 5,
      description: "How often the served version is read while waiting.",
      errorMessage: "expected seconds above 0 and at most 60; e.g. 5"
    },
    commandTimeoutSeconds: {
      type: "number",
      exclusiveMinimum: 0,
      maximum: 3600,
      default: 300,
      description: "A command still running after this long is killed (its whole process group).",
      errorMessage: "expected seconds above 0 and at most 3600; e.g. 300"
    }
  }
};
var RETRY = {
  type: "object",
  additionalProperties: false,
  description: "Retries for transient failures (no answer, 502, 503, 504), with doubling backoff; wrong content is never retried.",
  errorMessage: "expected {attempts, backoffMs}; e.g. {attempts: 3, backoffMs: 500}",
  properties: {
    attempts: {
      type: "integer",
      minimum: 1,
      maximum: 10,
      default: 3,
      description: "Tries per check, the first included.",
      errorMessage: "expected 1 to 10; e.g. 3"
    },
    backoffMs: {
      type: "number",
      minimum: 0,
      maximum: 6e4,
      default: 500,
      description: "Wait before the second try; it doubles for each further one.",
      errorMessage: "expected milliseconds from 0 to 60000; e.g. 500"
    }
  }
};
var rollbackConfigSchema = {
  properties: {
    url: {
      type: "string",
      description: "The deployment under test (smoke paths resolve against it).",
      errorMessage: "expected a URL; e.g. https://app.example.com"
    },
    versionUrl: {
      type: "string",
      description: "Where the served release is read (a URL, or a path on `url`): JSON {version} or {sha}; with versionHeader or versionPattern it defaults to `url`.",
      errorMessage: "expected a URL or a path on url; e.g. /version"
    },
    versionHeader: {
      type: "string",
      description: "Response header of versionUrl that holds the release, e.g. x-release.",
      errorMessage: "expected a header name; e.g. x-release"
    },
    versionPattern: {
      type: "string",
      description: "Regular expression on the versionUrl body; its first group (else the match) is the release.",
      errorMessage: 'expected a regular expression; e.g. "data-release=\\"([^\\"]+)\\""'
    },
    previousRelease: {
      type: "string",
      minLength: 1,
      description: "The known-good release to roll back to; else discovered from GitHub deployments, then semver tags.",
      errorMessage: "expected a release; e.g. v1.4.2"
    },
    environment: {
      type: "string",
      minLength: 1,
      default: "production",
      description: "GitHub deployment environment whose earlier successful deployment is the previous release.",
      errorMessage: "expected an environment name; e.g. production"
    },
    repo: {
      type: "string",
      default: ".",
      description: "Git repository whose semver tags tell the previous release when nothing else does.",
      errorMessage: "expected a folder path; e.g. ."
    },
    smoke: {
      type: "array",
      items: SMOKE_ITEM,
      default: [],
      description: "Smoke checks on the current deployment (and during the drill).",
      errorMessage: "expected a list of checks; e.g. [{path: /healthz, status: 200}]"
    },
    retry: RETRY,
    followRedirects: {
      type: "integer",
      minimum: 0,
      maximum: 20,
      default: 5,
      description: "Redirects a smoke check follows (each is reported).",
      errorMessage: "expected 0 to 20; e.g. 5"
    },
    drill: DRILL,
    dryRun: { type: "boolean", default: false, description: "Run smoke checks and discovery, but not the drill's commands (set by `--dry-run`)." }
  }
};
function resolveUrl(path, base) {
  if (/^https?:\/\//i.test(path)) return path;
  return new URL(path, base).href;
}
var isHeaderAssertion = (value) => isString(value) || isBoolean(value);
function basicAuthOf(value) {
  if (!isRecord(value) || !isString(value.username) || !isString(value.password)) return void 0;
  return { username: value.username, password: value.password };
}
function smokeCheckOf(given, base) {
  const raw = withSchemaDefaults(SMOKE_ITEM, given);
  const path = stringOr(raw.path) ?? "/";
  const method = read.string(raw, "method").toUpperCase();
  const check = {
    name: method === "GET" ? path : `${method} ${path}`,
    url: resolveUrl(path, base),
    method,
    status: oneOrMany(raw.status, isNumber),
    contains: oneOrMany(raw.contains, isString),
    headers: entriesOf(raw.headers, isHeaderAssertion),
    jsonPath: isRecord(raw.jsonPath) ? raw.jsonPath : {},
    headersFromEnv: entriesOf(raw.headersFromEnv, isString),
    timeoutMs: read.number(raw, "timeoutMs")
  };
  if (raw.json !== void 0) check.json = raw.json;
  const basicAuth = basicAuthOf(raw.basicAuthFromEnv);
  if (basicAuth) check.basicAuthFromEnv = basicAuth;
  if (typeof raw.maxMs === "number") check.maxMs = raw.maxMs;
  return check;
}
function drillOf(given) {
  const raw = withSchemaDefaults(DRILL, given);
  return {
    rollbackCommand: read.string(raw, "rollbackCommand"),
    rollForwardCommand: read.string(raw, "rollForwardCommand"),
    passEnv: read.strings(raw, "passEnv"),
    waitSeconds: read.number(raw, "waitSeconds"),
    budgetSeconds: read.number(raw, "budgetSeconds"),
    pollSeconds: read.number(raw, "pollSeconds"),
    commandTimeoutSeconds: read.number(raw, "commandTimeoutSeconds")
  };
}
function parseRollbackOptions(given) {
  const section = withSchemaDefaults(rollbackConfigSchema, given);
  const url = stringOr(section.url);
  const retry = withSchemaDefaults(RETRY, isRecord(section.retry) ? section.retry : {});
  const options = {
    environment: read.string(section, "environment"),
    repo: read.string(section, "repo"),
    smoke: recordsOf(section.smoke).map((raw) => smokeCheckOf(raw, url)),
    retry: { attempts: read.number(retry, "attempts"), backoffMs: read.number(retry, "backoffMs") },
    followRedirects: read.number(section, "followRedirects"),
    dryRun: section.dryRun === true
  };
  if (url) options.url = url;
  if (url && options.smoke.length === 0) options.smoke.push(smokeCheckOf({ path: "/" }, url));
  const versionUrl = stringOr(section.versionUrl) ?? (section.versionHeader || section.versionPattern ? url : void 0);
  if (versionUrl) {
    options.version = { url: resolveUrl(versionUrl, url) };
    if (typeof section.versionHeader === "string") options.version.header = section.versionHeader.toLowerCase();
    if (typeof section.versionPattern === "string") options.version.pattern = new RegExp(section.versionPattern);
  }
  if (typeof section.previousRelease === "string") options.previousRelease = section.previousRelease;
  if (isRecord(section.drill)) options.drill = drillOf(section.drill);
  return options;
}
function urlProblem(value, key) {
  if (typeof value !== "string") return void 0;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return void 0;
  } catch {
  }
  return { path: [key], message: `${value}: not an http(s) URL; give the full address, e.g. https://app.example.com` };
}
function validateRollbackConfig(section) {
  const problems = [];
  const url = section.url;
  const urlError = urlProblem(url, "url");
  if (urlError) problems.push(urlError);
  const versionUrl = section.versionUrl;
  if (typeof versionUrl === "string" && versionUrl.startsWith("/")) {
    if (typeof url !== "string")
      problems.push({ path: ["versionUrl"], message: `${versionUrl}: a path needs rollback.url; set url, or give the full address of the version endpoint` });
  } else {
    const versionError = urlProblem(versionUrl, "versionUrl");
    if (versionError) problems.push(versionError);
  }
  const smoke = Array.isArray(section.smoke) ? section.smoke : [];
  smoke.forEach((check, i) => {
    const path = (isRecord(check) ? stringOr(check.path) : void 0) ?? "/";
    if (!/^https?:\/\//i.test(path) && typeof url !== "string") {
      problems.push({
        path: ["smoke", i, "path"],
        message: `${path}: a relative path needs rollback.url; set url: https://your-app.example.com or give an absolute URL`
      });
    }
  });
  if (typeof section.versionPattern === "string") {
    try {
      new RegExp(section.versionPattern);
    } catch (error) {
      problems.push({ path: ["versionPattern"], message: `not a valid regular expression (${errorMessage(error)}); e.g. "release: ([\\\\w.-]+)"` });
    }
  }
  if ((section.versionHeader || section.versionPattern) && typeof section.versionUrl !== "string" && typeof url !== "string") {
    problems.push({ path: ["versionUrl"], message: "versionHeader/versionPattern need a page to read; set versionUrl or url" });
  }
  const drill = isRecord(section.drill) ? section.drill : void 0;
  const budget = typeof drill?.budgetSeconds === "number" ? drill.budgetSeconds : 600;
  const maxMinutes = typeof section.maxMinutes === "number" ? section.maxMinutes : 15;
  if (drill && maxMinutes * 60 < budget) {
    problems.push({
      path: ["maxMinutes"],
      message: `${maxMinutes} min is shorter than drill.budgetSeconds (${budget} s), so the stage would be stopped mid-drill; raise maxMinutes to at least ${Math.ceil(budget / 60)}`
    });
  }
  if (section.drill && typeof section.versionUrl !== "string" && !section.versionHeader && !section.versionPattern) {
    problems.push({
      path: ["drill"],
      message: "the drill must see the served release change; set versionUrl (JSON {version} or {sha}), or versionHeader / versionPattern on url"
    });
  }
  return problems;
}
function rollbackNotConfigured(section) {
  const smoke = Array.isArray(section.smoke) ? section.smoke : [];
  if (!section.url && smoke.length === 0 && !section.drill) return "Rollback: not configured (set rollback.url, smoke checks or a drill in launch-ready.yml)";
  return void 0;
}

// src/stages/rollback/version.ts
function preview(body) {
  const flat = body.replace(/\s+/g, " ").trim();
  if (!flat) return "an empty body";
  return `"${flat.length > 60 ? `${flat.slice(0, 60)}\u2026` : flat}"`;
}
function contentType(headers) {
  const value = headers["content-type"];
  return (Array.isArray(value) ? value[0] : value)?.split(";")[0]?.trim() ?? "no content type";
}
function fromJson(body, type) {
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    const what = /^\s*</.test(body) || type === "text/html" ? `HTML (${type})` : `${type}, not JSON`;
    return {
      ok: false,
      problem: `answered ${what}: ${preview(body)}; it needs to return JSON {"version": "\u2026"} or {"sha": "\u2026"}, or set versionHeader / versionPattern`
    };
  }
  if (isRecord(data)) {
    for (const key of ["version", "sha"]) {
      const value = data[key];
      if (typeof value === "string" && value.trim() || typeof value === "number") return { ok: true, version: String(value).trim(), via: `JSON ${key}` };
    }
  }
  return { ok: false, problem: `answered JSON without a version: ${preview(body)}; add a "version" or "sha" field` };
}
function extractVersion(source, answer) {
  if (answer.status < 200 || answer.status > 299) return { ok: false, status: answer.status, problem: `answered ${answer.status}: ${preview(answer.body)}` };
  if (source.header) {
    const raw = answer.headers[source.header];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    return value ? { ok: true, version: value, via: `header ${source.header}` } : { ok: false, problem: `answered ${answer.status} without a ${source.header} header` };
  }
  if (source.pattern) {
    const match = source.pattern.exec(answer.body);
    const value = (match?.[1] ?? match?.[0])?.trim();
    return value ? { ok: true, version: value, via: `pattern ${source.pattern.source}` } : { ok: false, problem: `answered ${contentType(answer.headers)} that does not match versionPattern ${source.pattern.source}: ${preview(answer.body)}` };
  }
  return fromJson(answer.body, contentType(answer.headers));
}
async function readServedVersion(source, http, signal) {
  try {
    const request = {
      url: source.url,
      // A cached answer would hide the switch the drill waits for.
      headers: { accept: "application/json, */*", "cache-control": "no-cache", "user-agent": "launch-ready (rollback version check)" },
      timeoutMs: 1e4,
      maxBodyBytes: 256 * 1024,
      followRedirects: 5
    };
    if (signal) request.signal = signal;
    const response = await http.request(request);
    return extractVersion(source, { status: response.status, headers: response.headers, body: new TextDecoder().decode(response.body) });
  } catch (error) {
    return { ok: false, problem: `no answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}
function sameRelease(a, b3) {
  const norm = (s) => s.trim().replace(/^v(?=\d)/i, "").toLowerCase();
  const x3 = norm(a);
  const y2 = norm(b3);
  if (x3 === y2) return true;
  const sha = /^[0-9a-f]{7,40}$/;
  return sha.test(x3) && sha.test(y2) && (x3.startsWith(y2) || y2.startsWith(x3));
}

// src/stages/rollback/drill.ts
function commandEnv(plan) {
  const env = { LAUNCH_READY_CURRENT_RELEASE: plan.current };
  if (plan.previous) env.LAUNCH_READY_PREVIOUS_RELEASE = plan.previous.release;
  return env;
}
function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
function manualRollForward(plan) {
  const exports = Object.entries(commandEnv(plan)).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  const needs = plan.options.passEnv.length > 0 ? ` (with ${plan.options.passEnv.join(", ")} set)` : "";
  return `${[...exports, plan.options.rollForwardCommand].join("; ")}${needs}`;
}
function commandOk(result) {
  return result.exitCode === 0 && !result.timedOut;
}
function commandOutcome(result, timeoutSeconds) {
  if (result.timedOut) return `still running after ${timeoutSeconds} s and was killed`;
  if (result.exitCode === null) return `killed by ${result.signal ?? "a signal"}`;
  return `exited with code ${result.exitCode}`;
}
var Drill = class {
  constructor(plan, deps) {
    this.plan = plan;
    this.deps = deps;
    this.started = deps.now();
    this.report = { legs: [], failures: [], totalSeconds: 0, restored: false, smokeAfterRollback: [], smokeAfterRollForward: [] };
  }
  plan;
  deps;
  started;
  report;
  lastLeg = "start";
  seconds(fromMs) {
    return Math.round((this.deps.now() - fromMs) / 10) / 100;
  }
  async leg(name, work) {
    const start = this.deps.now();
    this.deps.progress?.(`rollback drill: ${name}`);
    const outcome = await work();
    const leg = { name, startSeconds: Math.round((start - this.started) / 10) / 100, seconds: this.seconds(start), ok: outcome.ok };
    if (outcome.note) leg.note = this.deps.scrub(outcome.note);
    this.report.legs.push(leg);
    this.lastLeg = name;
    return outcome;
  }
  async runCommand(command) {
    const { options } = this.plan;
    const started = this.deps.now();
    try {
      return await this.deps.processes.run({
        command,
        cwd: this.plan.cwd,
        passEnv: options.passEnv,
        env: commandEnv(this.plan),
        timeoutMs: options.commandTimeoutSeconds * 1e3,
        keepLines: 20,
        onLine: (line) => this.deps.progress?.(`  ${line}`)
      });
    } catch (error) {
      const message = this.deps.scrub(error instanceof Error ? error.message : String(error));
      return { exitCode: 127, signal: null, timedOut: false, aborted: false, durationMs: Math.round(this.deps.now() - started), lastLines: [message] };
    }
  }
  /** Poll the served release until `wanted` holds; bounded by waitSeconds (and `signal` when given). */
  async waitFor(wanted, signal) {
    let last;
    const options = {
      timeoutMs: this.plan.options.waitSeconds * 1e3,
      intervalMs: this.plan.options.pollSeconds * 1e3
    };
    if (signal) options.signal = signal;
    const outcome = await this.deps.wait.until(async () => {
      last = await this.deps.readVersion(signal);
      return last.ok && wanted(last.version) ? true : void 0;
    }, options);
    const result = { ok: outcome.value === true, aborted: outcome.aborted };
    if (last) result.last = last;
    return result;
  }
  interrupted() {
    if (!this.deps.signal.aborted) return false;
    const reason = this.deps.signal.reason;
    const plain = reason === void 0 || reason instanceof Error && reason.name === "AbortError" || typeof DOMException !== "undefined" && reason instanceof DOMException;
    const text2 = plain ? "the stage was stopped: its deadline passed, or SIGTERM/SIGINT" : reason instanceof Error ? reason.message : String(reason);
    this.report.interrupted = { afterLeg: this.lastLeg, reason: text2 };
    this.deps.progress?.(`rollback drill interrupted after "${this.lastLeg}": rolling forward to ${this.plan.current} before exiting`);
    return true;
  }
  async run() {
    if (this.interrupted()) {
      this.report.restored = true;
      return this.finish();
    }
    const rolledBack = await this.rollBack();
    if (rolledBack === "restore") await this.rollForward();
    else if (rolledBack === "nothing-changed") this.report.restored = true;
    return this.finish();
  }
  /** Legs 1-3. What follows: roll forward, or nothing (the site never left the current release). */
  async rollBack() {
    const { plan } = this;
    const commandStarted = this.deps.now();
    const command = await this.leg("rollback", async () => {
      const result = await this.runCommand(plan.options.rollbackCommand);
      return { ok: commandOk(result), value: result, note: commandOutcome(result, plan.options.commandTimeoutSeconds) };
    });
    if (!command.ok) {
      this.report.failures.push({ kind: "rollback-command-failed", result: command.value });
      if (command.value.timedOut) return "restore";
      const now = await this.deps.readVersion();
      return now.ok && sameRelease(now.version, plan.current) ? "nothing-changed" : "restore";
    }
    if (this.interrupted()) return "restore";
    const isPrevious = (v2) => !sameRelease(v2, plan.current) && (!plan.previous || [plan.previous.release, ...plan.previous.aliases].some((p2) => sameRelease(v2, p2)));
    const waited = await this.leg("wait for previous release", async () => {
      const result = await this.waitFor(isPrevious, this.deps.signal);
      const seen = result.last?.ok ? `serves ${result.last.version}` : result.last?.problem;
      return { ok: result.ok, value: result, note: result.aborted ? `interrupted${seen ? `; ${seen}` : ""}` : seen };
    });
    if (waited.value.aborted && this.interrupted()) return "restore";
    if (!waited.ok) {
      this.recordWaitFailure(waited.value.last);
      return "restore";
    }
    this.report.rollbackSeconds = this.seconds(commandStarted);
    if (waited.value.last?.ok) this.report.servedAfterRollback = waited.value.last.version;
    if (this.interrupted()) return "restore";
    await this.leg("smoke after rollback", async () => {
      const results = await this.deps.smoke(this.deps.signal);
      this.report.smokeAfterRollback = results;
      const failed = results.filter((r2) => !r2.ok);
      if (failed.length > 0 && !this.deps.signal.aborted) this.report.failures.push({ kind: "smoke-after-rollback", results: failed });
      return { ok: failed.length === 0, value: results, note: `${results.length - failed.length}/${results.length} passed` };
    });
    this.interrupted();
    return "restore";
  }
  recordWaitFailure(last) {
    const { plan } = this;
    const waitSeconds = plan.options.waitSeconds;
    if (!last || !last.ok) this.report.failures.push({ kind: "version-unreadable", problem: last && !last.ok ? last.problem : "no reading", waitSeconds });
    else if (sameRelease(last.version, plan.current)) this.report.failures.push({ kind: "version-unchanged", served: last.version, waitSeconds });
    else this.report.failures.push({ kind: "wrong-release", served: last.version, expected: plan.previous?.release ?? "", waitSeconds });
  }
  /** Legs 4-6; also the cleanup after an abort (no abort signal here: it must finish). */
  async rollForward() {
    const { plan } = this;
    const interrupted = this.report.interrupted !== void 0;
    const start = this.deps.now();
    const command = await this.leg("roll forward", async () => {
      const result = await this.runCommand(plan.options.rollForwardCommand);
      return { ok: commandOk(result), value: result, note: commandOutcome(result, plan.options.commandTimeoutSeconds) };
    });
    const waited = await this.leg("wait for current release", async () => {
      const result = await this.waitFor((v2) => sameRelease(v2, plan.current));
      return { ok: result.ok, value: result, note: result.last?.ok ? `serves ${result.last.version}` : result.last?.problem };
    });
    this.report.restored = waited.ok;
    if (waited.ok) this.report.rollForwardSeconds = this.seconds(start);
    if (!command.ok || !waited.ok) {
      const failure = { kind: "roll-forward-failed", restored: waited.ok };
      if (!command.ok) failure.result = command.value;
      const last = waited.value.last;
      if (waited.ok) {
      } else if (last?.ok) failure.served = last.version;
      else if (last) failure.problem = last.problem;
      this.report.failures.push(failure);
    }
    if (interrupted || !waited.ok) return;
    await this.leg("smoke after roll forward", async () => {
      const results = await this.deps.smoke();
      this.report.smokeAfterRollForward = results;
      const failed = results.filter((r2) => !r2.ok);
      if (failed.length > 0) this.report.failures.push({ kind: "smoke-after-roll-forward", results: failed });
      return { ok: failed.length === 0, value: results, note: `${results.length - failed.length}/${results.length} passed` };
    });
  }
  finish() {
    this.report.totalSeconds = this.seconds(this.started);
    const budget = this.plan.options.budgetSeconds;
    if (!this.report.interrupted && this.report.legs.length > 0 && this.report.totalSeconds > budget) {
      this.report.failures.push({ kind: "over-budget", totalSeconds: this.report.totalSeconds, budgetSeconds: budget });
    }
    return this.report;
  }
};
function runDrill(plan, deps) {
  return new Drill(plan, deps).run();
}

// src/stages/rollback/findings.ts
var DEPLOY = ["deploy"];
function lastLines(lines, count2 = 10) {
  const kept = lines.slice(-count2).join("\n").trim();
  return kept ? kept : void 0;
}
function smokeSummary(results) {
  return results.map((r2) => `${r2.name}: ${r2.problems.join("; ")}`).join(" | ");
}
function withEvidence(finding, evidence) {
  return evidence ? { ...finding, evidence } : finding;
}
function smokeFindings(results) {
  return results.filter((r2) => !r2.ok).map((r2) => {
    const paths = new URL(r2.url).pathname === "/" ? ["homepage"] : [];
    const redirects = r2.redirects.length > 0 ? ` (after ${r2.redirects.map((h3) => `${h3.status} \u2192 ${h3.url}`).join(", ")})` : "";
    if (r2.unreachable !== void 0) {
      return {
        ruleId: "rollback-smoke-unreachable",
        severity: "blocker",
        title: `Smoke check ${r2.name} got no answer from ${r2.url}: ${r2.unreachable}${r2.attempts > 1 ? ` (${r2.attempts} attempts)` : ""}`,
        fix: "Check that rollback.url is the live deployment and that it is up; a site that does not answer loses every visitor",
        paths,
        location: { url: r2.url }
      };
    }
    return {
      ruleId: "rollback-smoke-failed",
      severity: "high",
      title: `Smoke check ${r2.name} fails on the current deployment: ${r2.problems.join("; ")}${redirects}`,
      fix: `Fix what ${r2.url} serves, or correct the check in rollback.smoke if the expectation is out of date`,
      paths,
      location: { url: r2.url },
      fingerprint: `rollback-smoke:${r2.method}:${r2.url}`
    };
  });
}
function versionUnreadableFinding(url, problem, drill) {
  return {
    ruleId: "rollback-version-unreadable",
    severity: "high",
    title: `The version endpoint ${url} ${problem.startsWith("no answer") ? `gave ${problem}` : problem}${drill ? "; the drill did not run" : ""}`,
    fix: 'Serve the release at rollback.versionUrl as JSON {"version": "\u2026"} or {"sha": "\u2026"}, or set versionHeader / versionPattern to where it is shown',
    paths: DEPLOY,
    location: { url },
    fingerprint: `rollback-version-unreadable:${url}`
  };
}
function previousUnknownFinding(tried) {
  return {
    ruleId: "rollback-previous-unknown",
    severity: "high",
    title: `No known-good release to roll back to (tried: ${tried.join("; ")})`,
    fix: "Set rollback.previousRelease, record deployments with GitHub deployments (environment: in the deploy job), or tag releases (v1.4.2)",
    paths: DEPLOY,
    fingerprint: "rollback-previous-unknown"
  };
}
function noRunbookFinding() {
  return {
    ruleId: "rollback-no-runbook",
    severity: "medium",
    title: "The rollback path is not written down: no ROLLBACK.md and no README or docs section on rolling back",
    fix: 'Add ROLLBACK.md (or a "Rolling back" section in the README): the command, who may run it, how to check it worked, what it does not undo (database migrations)',
    paths: DEPLOY,
    fingerprint: "rollback-no-runbook"
  };
}
function failureFinding(failure, drill, current, manual) {
  const timeout = drill.commandTimeoutSeconds;
  switch (failure.kind) {
    case "rollback-command-failed":
      return withEvidence(
        {
          ruleId: "rollback-command-failed",
          severity: "blocker",
          title: `The rollback command failed: ${commandOutcome(failure.result, timeout)}`,
          fix: `Run rollback.drill.rollbackCommand ("${drill.rollbackCommand}") by hand and fix it: a release you cannot roll back is a release you cannot undo`,
          paths: DEPLOY,
          fingerprint: "rollback-command-failed"
        },
        lastLines(failure.result.lastLines)
      );
    case "version-unchanged":
      return {
        ruleId: "rollback-version-unchanged",
        severity: "blocker",
        title: `The rollback reported success but the site still serves ${failure.served} after ${failure.waitSeconds} s`,
        fix: "Check that the rollback command targets the deployment behind rollback.url (project, environment, alias) and that caches do not hide it; raise drill.waitSeconds if the platform is just slow",
        paths: DEPLOY,
        fingerprint: "rollback-version-unchanged"
      };
    case "wrong-release":
      return {
        ruleId: "rollback-wrong-release",
        severity: "blocker",
        title: `The rollback landed on ${failure.served}, not the known-good release ${failure.expected} (waited ${failure.waitSeconds} s)`,
        fix: "Make the rollback command target the previous release ($LAUNCH_READY_PREVIOUS_RELEASE), or correct rollback.previousRelease",
        paths: DEPLOY,
        fingerprint: "rollback-wrong-release"
      };
    case "version-unreadable":
      return {
        ruleId: "rollback-version-lost",
        severity: "blocker",
        title: `After the rollback the version endpoint ${failure.problem} for ${failure.waitSeconds} s: the previous release may not be serving at all`,
        fix: "Check that the previous release starts and serves the version endpoint; a rollback target that is down is no rollback",
        paths: DEPLOY,
        fingerprint: "rollback-version-lost"
      };
    case "smoke-after-rollback":
      return {
        ruleId: "rollback-smoke-after-rollback",
        severity: "blocker",
        title: `Smoke checks fail on the rolled-back release: ${smokeSummary(failure.results)}`,
        fix: "The previous release is not a safe place to go back to: fix it (often a schema change it cannot read) or pick another previousRelease",
        paths: DEPLOY,
        location: { url: failure.results[0].url },
        fingerprint: "rollback-smoke-after-rollback"
      };
    case "roll-forward-failed": {
      if (failure.restored) {
        return withEvidence(
          {
            ruleId: "rollback-roll-forward-failed",
            severity: "blocker",
            title: `The roll-forward command failed (${failure.result ? commandOutcome(failure.result, timeout) : "no result"}), though the site serves ${current} again`,
            fix: `Fix rollback.drill.rollForwardCommand ("${drill.rollForwardCommand}"): next time the way back may not happen by itself`,
            paths: DEPLOY,
            fingerprint: "rollback-roll-forward-failed"
          },
          failure.result ? lastLines(failure.result.lastLines) : void 0
        );
      }
      const what = failure.result && !(failure.result.exitCode === 0 && !failure.result.timedOut) ? `the command ${commandOutcome(failure.result, timeout)}` : "";
      const serves = failure.served ? `the site serves ${failure.served}` : failure.problem ? `the version endpoint ${failure.problem}` : "";
      return withEvidence(
        {
          ruleId: "rollback-roll-forward-failed",
          severity: "blocker",
          title: `ROLL FORWARD FAILED: ${[what, serves].filter(Boolean).join("; ")}, not ${current}. Restore it by hand now: ${manual}`,
          fix: `Run: ${manual}; then fix rollback.drill.rollForwardCommand`,
          paths: DEPLOY,
          fingerprint: "rollback-roll-forward-failed"
        },
        failure.result ? lastLines(failure.result.lastLines) : void 0
      );
    }
    case "smoke-after-roll-forward":
      return {
        ruleId: "rollback-smoke-after-roll-forward",
        severity: "blocker",
        title: `Smoke checks fail after rolling forward to ${current}: ${smokeSummary(failure.results)}`,
        fix: "The current release did not come back healthy: check it now, then the roll-forward command",
        paths: DEPLOY,
        location: { url: failure.results[0].url },
        fingerprint: "rollback-smoke-after-roll-forward"
      };
    case "over-budget":
      return {
        ruleId: "rollback-over-budget",
        severity: "blocker",
        title: `The rollback drill took ${failure.totalSeconds < 10 ? failure.totalSeconds.toFixed(1) : Math.round(failure.totalSeconds)} s, over its budget of ${failure.budgetSeconds} s`,
        fix: "Make the rollback faster (instant rollback or promotion of a kept build instead of a rebuild), or agree on a larger drill.budgetSeconds",
        paths: DEPLOY,
        fingerprint: "rollback-over-budget"
      };
  }
}
function drillFindings(report, drill, current, manual) {
  const findings = report.failures.map((failure) => failureFinding(failure, drill, current, manual));
  if (report.interrupted) {
    const after = report.interrupted.afterLeg === "start" ? "before it started" : `after "${report.interrupted.afterLeg}"`;
    const restored = report.restored ? `it rolled forward first and the site serves ${current} again` : "rolling forward did not bring the current release back (see the roll-forward finding)";
    findings.push({
      ruleId: "rollback-drill-interrupted",
      severity: "high",
      title: `The rollback drill was interrupted ${after} (${report.interrupted.reason}); ${restored}`,
      fix: "Rerun the drill with time to finish (rollback.maxMinutes above the drill budget); until it finishes, the rollback path is unproven",
      paths: DEPLOY,
      fingerprint: "rollback-drill-interrupted"
    });
  }
  return findings;
}

// src/stages/rollback/previous.ts
import { execFile as execFile3 } from "node:child_process";
import { promisify as promisify3 } from "node:util";
var run3 = promisify3(execFile3);
function isCurrent(names, current) {
  const ids = [current.version, current.sha].filter((v2) => Boolean(v2));
  return names.some((name) => ids.some((id) => sameRelease(name, id)));
}
function previousDeploymentCandidates(deployments, environment, current) {
  const sorted = deployments.filter((d2) => d2.environment === environment).sort((a, b3) => Date.parse(b3.createdAt) - Date.parse(a.createdAt) || b3.id - a.id);
  const at2 = sorted.findIndex((d2) => isCurrent([d2.sha, d2.ref], current));
  const earlier = at2 >= 0 ? sorted.slice(at2 + 1) : sorted;
  return earlier.filter((d2) => !isCurrent([d2.sha, d2.ref], current));
}
var SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
function releaseNumbers(name) {
  const match = SEMVER.exec(name.trim());
  if (!match || match[4] !== void 0) return void 0;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
function compareNumbers(a, b3) {
  return a[0] - b3[0] || a[1] - b3[1] || a[2] - b3[2];
}
function deploymentRelease(d2) {
  const tagged = releaseNumbers(d2.ref) !== void 0;
  return {
    release: tagged ? d2.ref : d2.sha,
    source: "deployments",
    aliases: tagged ? [d2.sha] : [],
    detail: `deployment ${d2.id} to ${d2.environment} (${d2.ref === d2.sha ? d2.sha.slice(0, 12) : `${d2.ref} at ${d2.sha.slice(0, 12)}`}, created ${d2.createdAt})`
  };
}
function pickPreviousTag(tags, current) {
  const currentNumbers = current.version ? releaseNumbers(current.version) : void 0;
  const onCurrent = tags.filter((t2) => isCurrent([t2.commit], current) || current.version !== void 0 && sameRelease(t2.name, current.version));
  const ceiling = onCurrent.map((t2) => releaseNumbers(t2.name)).filter((n) => n !== void 0).sort(compareNumbers).pop() ?? currentNumbers;
  let best;
  for (const tag of tags) {
    const numbers = releaseNumbers(tag.name);
    if (!numbers || onCurrent.includes(tag)) continue;
    if (ceiling && compareNumbers(numbers, ceiling) >= 0) continue;
    if (!best || compareNumbers(numbers, best.numbers) > 0) best = { tag, numbers };
  }
  return best?.tag;
}
function deploymentFacts(item) {
  if (!isRecord(item) || typeof item.id !== "number") return void 0;
  const text2 = (key) => stringOr(item[key]) ?? "";
  return { id: item.id, sha: text2("sha"), ref: text2("ref"), environment: text2("environment"), createdAt: text2("created_at") };
}
var MAX_STATUS_LOOKUPS = 20;
async function previousFromDeployments(github, environment, current) {
  const listed = await github.paginate("/repos/{owner}/{repo}/deployments", { environment }, 300);
  const facts = listed.map(deploymentFacts).filter((d2) => d2 !== void 0);
  for (const candidate of previousDeploymentCandidates(facts, environment, current).slice(0, MAX_STATUS_LOOKUPS)) {
    const statuses = await github.paginate(`/repos/{owner}/{repo}/deployments/${candidate.id}/statuses`, {}, 100);
    if (statuses.some((s) => isRecord(s) && s.state === "success")) return deploymentRelease(candidate);
  }
  return void 0;
}
async function git(repo, args) {
  const { stdout } = await run3("git", args, { cwd: repo, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
  return stdout;
}
async function readTags(repo, current) {
  let base = "HEAD";
  for (const candidate of [current.sha, current.version]) {
    if (!candidate || !/^[0-9a-f]{7,40}$/i.test(candidate)) continue;
    try {
      base = (await git(repo, ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`])).trim();
      break;
    } catch {
    }
  }
  const out = await git(repo, ["tag", "--merged", base, "--format=%(refname:short)%09%(objectname)%09%(*objectname)"]);
  const tags = out.split("\n").filter(Boolean).map((line) => {
    const [name, object, peeled] = line.split("	");
    return { name, commit: peeled || object };
  });
  return { tags, base: (await git(repo, ["rev-parse", base])).trim() };
}
async function previousFromTags(repo, current) {
  const { tags, base } = await readTags(repo, current);
  const tag = pickPreviousTag(tags, { ...current, sha: current.sha ?? base });
  if (!tag) return void 0;
  return {
    release: tag.name,
    source: "tags",
    aliases: [tag.commit],
    detail: `tag ${tag.name} (${tag.commit.slice(0, 12)}), the newest release tag before the current release`
  };
}

// src/stages/rollback/discover.ts
async function discoverPrevious(input) {
  const { options, github, repo, current } = input;
  if (options.previousRelease) {
    return { previous: { release: options.previousRelease, source: "config", aliases: [], detail: "rollback.previousRelease in launch-ready.yml" }, tried: [] };
  }
  const tried = ["rollback.previousRelease: not set"];
  if (github) {
    try {
      const previous = await previousFromDeployments(github, options.environment, current);
      if (previous) return { previous, tried };
      tried.push(`GitHub deployments: no earlier successful deployment to ${options.environment}`);
    } catch (error) {
      tried.push(`GitHub deployments: ${reasonOf(error)}`);
    }
  } else {
    tried.push("GitHub deployments: no GitHub API access in this run");
  }
  try {
    const previous = await previousFromTags(repo, current);
    if (previous) return { previous, tried };
    tried.push("git tags: no release tag (v1.2.3) before the current release");
  } catch (error) {
    tried.push(`git tags: ${reasonOf(error).split("\n")[0]}`);
  }
  return { tried };
}

// src/stages/rollback/report.ts
function seconds(value) {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} s`;
}
function rollbackSummary(facts) {
  const passed = facts.smoke.filter((r2) => r2.ok).length;
  const parts = [`smoke ${passed}/${facts.smoke.length} passed`];
  parts.push(facts.previous ? `previous release ${facts.previous.release} (${facts.previous.source})` : "no known previous release");
  const { drill } = facts;
  if (drill.state === "dry-run") parts.push("drill: dry run, no commands run");
  else if (drill.state === "skipped") parts.push(`drill not run: ${drill.why}`);
  else if (drill.state === "ran") {
    const { report, plan } = drill;
    if (report.interrupted) parts.push(`drill interrupted; ${report.restored ? `rolled forward to ${plan.current}` : "ROLL FORWARD FAILED"}`);
    else {
      const back = report.rollbackSeconds !== void 0 ? `back in ${seconds(report.rollbackSeconds)}` : "rollback failed";
      const forward = report.rollForwardSeconds !== void 0 ? `forward in ${seconds(report.rollForwardSeconds)}` : "roll forward failed";
      parts.push(`drill ${seconds(report.totalSeconds)} of ${plan.options.budgetSeconds} s budget: ${back}, ${forward}`);
    }
  }
  return parts.join("; ");
}
function smokeMetric(results) {
  return results.map((r2) => ({ url: r2.url, ok: r2.ok, status: r2.status, ms: r2.ms }));
}
function rollbackMetrics(facts) {
  const { drill } = facts;
  const report = drill.state === "ran" ? drill.report : void 0;
  const metrics = {
    previousRelease: facts.previous?.release ?? null,
    previousReleaseSource: facts.previous?.source ?? null,
    currentRelease: facts.served?.ok ? facts.served.version : null,
    rollbackSeconds: report?.rollbackSeconds ?? null,
    rollForwardSeconds: report?.rollForwardSeconds ?? null,
    smoke: smokeMetric(facts.smoke),
    runbook: facts.runbook ?? null,
    drill: drill.state
  };
  if (report) {
    metrics.drillSeconds = report.totalSeconds;
    metrics.budgetSeconds = drill.state === "ran" ? drill.plan.options.budgetSeconds : null;
    metrics.legs = report.legs;
    metrics.restored = report.restored;
    metrics.interrupted = report.interrupted ?? null;
    metrics.smokeAfterRollback = smokeMetric(report.smokeAfterRollback);
    metrics.smokeAfterRollForward = smokeMetric(report.smokeAfterRollForward);
  }
  return metrics;
}
function smokeRows(phase, results) {
  return results.map((r2) => {
    const hops = r2.redirects.length > 0 ? `via ${r2.redirects.map((h3) => `${h3.status} ${h3.url}`).join(", ")}` : "";
    const retried = r2.attempts > 1 ? `${r2.attempts} attempts` : "";
    return [phase, r2.name, r2.status, r2.ms, r2.ok, [r2.problems.join("; "), hops, retried].filter(Boolean).join("; ") || null];
  });
}
function drillNotes(facts) {
  const { drill } = facts;
  const notes = [];
  if (facts.previous) notes.push(`Previous release ${facts.previous.release}: ${facts.previous.detail}.`);
  notes.push(facts.runbook ? `Runbook: ${facts.runbook}.` : "Runbook: none found (ROLLBACK.md, or a README/docs section on rolling back).");
  if (drill.state === "skipped") notes.push(`Drill not run: ${drill.why}.`);
  if (drill.state === "dry-run") {
    const env = Object.entries(commandEnv(drill.plan)).map(([k2, v2]) => `${k2}=${v2}`).join(" ");
    const pass = drill.plan.options.passEnv.length > 0 ? `, passing only ${drill.plan.options.passEnv.join(", ")}` : "";
    notes.push(
      `Dry run: would run \`${drill.plan.options.rollbackCommand}\` (${env}${pass}), wait up to ${drill.plan.options.waitSeconds} s for ${drill.plan.previous?.release ?? "another release"}, smoke, then \`${drill.plan.options.rollForwardCommand}\` and wait for ${drill.plan.current}.`
    );
  }
  if (drill.state === "ran" && drill.report.interrupted) {
    const { report } = drill;
    notes.push(
      `Interrupted after "${report.interrupted.afterLeg}" (${report.interrupted.reason}): ${report.restored ? `rolled forward before exiting; the site serves ${drill.plan.current} again` : "rolling forward FAILED"}.`
    );
  }
  if (drill.state === "ran" && !drill.report.restored) notes.push(`ROLL FORWARD FAILED. Restore the current release by hand: ${manualRollForward(drill.plan)}`);
  return notes;
}
function rollbackBlocks(facts) {
  const { drill } = facts;
  const rows = smokeRows("current", facts.smoke);
  if (drill.state === "ran")
    rows.push(...smokeRows("after rollback", drill.report.smokeAfterRollback), ...smokeRows("after roll forward", drill.report.smokeAfterRollForward));
  const blocks = [{ kind: "table", title: "Smoke checks", columns: ["when", "check", "status", "ms", "ok", "note"], rows }];
  if (drill.state === "ran") {
    blocks.push({
      kind: "timeline",
      // The reporters add "N s of a B s budget" themselves.
      title: "Rollback drill",
      budgetSeconds: drill.plan.options.budgetSeconds,
      steps: drill.report.legs.map((leg) => ({
        name: leg.name,
        startSeconds: leg.startSeconds,
        seconds: leg.seconds,
        ok: leg.ok,
        ...leg.note ? { note: leg.note } : {}
      }))
    });
  }
  const notes = { kind: "notes", title: "Rollback", items: drillNotes(facts) };
  blocks.push(notes);
  return blocks;
}

// src/stages/rollback/runbook.ts
import { readdirSync, readFileSync as readFileSync5, statSync as statSync3 } from "node:fs";
import { join as join2, relative as relative2 } from "node:path";
var HEADING = /^ {0,3}#{1,6}\s+(.*)$/gm;
var ROLLBACK_WORDS = /\b(roll(?:ing)?[ -]?backs?|rolled[ -]back|revert(?:ing)? (?:a |the )?(?:deploy(?:ment)?|release)s?|undo(?:ing)? a deploy)/i;
function rollbackHeading(markdown) {
  const text2 = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const match of text2.matchAll(HEADING)) {
    const title = match[1].replace(/#+\s*$/, "").trim();
    if (ROLLBACK_WORDS.test(title)) return title;
  }
  return void 0;
}
function markdownFiles(dir, depth) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out = [];
  for (const name of names.sort()) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const full = join2(dir, name);
    let isDir;
    try {
      isDir = statSync3(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir && depth > 0) out.push(...markdownFiles(full, depth - 1));
    else if (!isDir && /\.mdx?$/i.test(name)) out.push(full);
  }
  return out;
}
function findRunbook(repo) {
  const top = markdownFiles(repo, 0);
  const docs = ["docs", "doc", ".github"].flatMap((folder) => markdownFiles(join2(repo, folder), 3));
  const dedicated = [...top, ...docs].find((file) => /^rollback\.mdx?$/i.test(file.split("/").pop()));
  if (dedicated) return relative2(repo, dedicated);
  const readmes = top.filter((file) => /^readme\.mdx?$/i.test(file.split("/").pop()));
  for (const file of [...readmes, ...docs]) {
    let text2;
    try {
      text2 = readFileSync5(file, "utf8");
    } catch {
      continue;
    }
    const heading = rollbackHeading(text2);
    if (heading) return `${relative2(repo, file)}#${heading}`;
  }
  return void 0;
}

// src/stages/rollback/json-path.ts
function parseJsonPath(path) {
  let rest = path.trim();
  if (rest.startsWith("$")) rest = rest.slice(1);
  else if (rest && !rest.startsWith(".") && !rest.startsWith("[")) rest = `.${rest}`;
  const segments = [];
  const token = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;
  while (rest.length > 0) {
    const match = token.exec(rest);
    if (!match) return void 0;
    if (match[1] !== void 0) segments.push(match[1]);
    else if (match[2] !== void 0) segments.push(Number(match[2]));
    else segments.push(match[3] ?? match[4]);
    rest = rest.slice(match[0].length);
  }
  return segments;
}
function readJsonPath(data, path) {
  const segments = parseJsonPath(path);
  if (!segments) return { found: false };
  let current = data;
  for (const segment of segments) {
    if (segment === "length" && (Array.isArray(current) || typeof current === "string")) {
      current = current.length;
      continue;
    }
    if (Array.isArray(current)) {
      const index = Number(segment);
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return { found: false };
      current = current[index];
    } else if (isRecord(current)) {
      const key = String(segment);
      if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false };
      current = current[key];
    } else return { found: false };
  }
  return { found: true, value: current };
}

// src/stages/rollback/smoke.ts
var TRANSIENT_STATUSES = /* @__PURE__ */ new Set([502, 503, 504]);
var MAX_BODY_BYTES = 1024 * 1024;
function headerText(value) {
  return Array.isArray(value) ? value.join(", ") : value;
}
function shorten(text2, max = 80) {
  const flat = text2.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
}
function headerProblems(check, headers) {
  const problems = [];
  for (const [name, expected] of Object.entries(check.headers)) {
    const actual = headerText(headers[name.toLowerCase()]);
    if (expected === true && actual === void 0) problems.push(`header ${name} is missing`);
    else if (expected === false && actual !== void 0) problems.push(`header ${name} is present ("${shorten(actual, 40)}"), expected none`);
    else if (typeof expected === "string" && !(actual ?? "").toLowerCase().includes(expected.toLowerCase())) {
      problems.push(
        actual === void 0 ? `header ${name} is missing (expected "${expected}")` : `header ${name} is "${shorten(actual, 40)}", expected it to contain "${expected}"`
      );
    }
  }
  return problems;
}
function jsonProblems(check, body) {
  const entries = Object.entries(check.jsonPath);
  if (entries.length === 0) return [];
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [`the body is not JSON ("${shorten(body, 40)}"), so ${entries.map(([path]) => path).join(", ")} cannot be checked`];
  }
  const problems = [];
  for (const [path, expected] of entries) {
    const found = readJsonPath(parsed, path);
    if (!found.found) problems.push(`${path} is missing from the JSON body`);
    else if (!sameJson(found.value, expected)) problems.push(`${path} is ${JSON.stringify(found.value)}, expected ${JSON.stringify(expected)}`);
  }
  return problems;
}
function sameJson(a, b3) {
  if (a === b3) return true;
  if (Array.isArray(a) && Array.isArray(b3)) return a.length === b3.length && a.every((item, i) => sameJson(item, b3[i]));
  if (!isRecord(a) || !isRecord(b3)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b3).length) return false;
  return keysA.every((key) => sameJson(a[key], b3[key]));
}
function judgeAnswer(check, answer) {
  const problems = [];
  if (!check.status.includes(answer.status)) {
    const expected = check.status.length === 1 ? String(check.status[0]) : `one of ${check.status.join(", ")}`;
    problems.push(`answered ${answer.status}, expected ${expected}`);
  }
  for (const text2 of check.contains) {
    if (!answer.body.includes(text2))
      problems.push(`the body does not contain "${text2}"${answer.truncated ? ` (only the first ${MAX_BODY_BYTES} bytes were read)` : ""}`);
  }
  problems.push(...headerProblems(check, answer.headers), ...jsonProblems(check, answer.body));
  if (check.maxMs !== void 0 && answer.ms > check.maxMs) problems.push(`took ${answer.ms} ms, over its maxMs of ${check.maxMs}`);
  return problems;
}
function isTransient(check, status) {
  if (status === null) return true;
  return TRANSIENT_STATUSES.has(status) && !check.status.includes(status);
}
function backoffBefore(policy, attempt) {
  return policy.backoffMs * 2 ** Math.max(0, attempt - 2);
}
function requestHeadersOf(check, env, secrets) {
  const headers = { "user-agent": "launch-ready (rollback smoke check)", accept: "*/*" };
  const missing = [];
  for (const [name, variable] of Object.entries(check.headersFromEnv)) {
    const value = env[variable];
    if (!value) missing.push(variable);
    else {
      secrets.add(value);
      headers[name.toLowerCase()] = value;
    }
  }
  if (check.basicAuthFromEnv) {
    const { username, password } = check.basicAuthFromEnv;
    const user = env[username];
    const pass = env[password];
    for (const [name, value] of [
      [username, user],
      [password, pass]
    ])
      if (!value) missing.push(name);
    if (user && pass) {
      secrets.add(pass);
      const encoded = Buffer.from(`${user}:${pass}`).toString("base64");
      secrets.add(encoded);
      headers.authorization = `Basic ${encoded}`;
    }
  }
  if (check.json !== void 0) headers["content-type"] = "application/json";
  return { headers, missing };
}
function answerOf2(response) {
  return {
    status: response.status,
    headers: response.headers,
    body: new TextDecoder().decode(response.body),
    truncated: response.truncated,
    ms: Math.round(response.timings.totalMs)
  };
}
async function runSmokeCheck(check, deps) {
  const base = { name: check.name, url: check.url, method: check.method };
  const { headers, missing } = requestHeadersOf(check, deps.env, deps.secrets);
  if (missing.length > 0) {
    const problem = `not sent: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set in the environment`;
    return { ...base, ok: false, status: null, ms: null, attempts: 0, redirects: [], problems: [problem] };
  }
  let last = { ...base, ok: false, status: null, ms: null, attempts: 0, redirects: [], problems: ["not run"] };
  for (let attempt = 1; attempt <= deps.retry.attempts; attempt++) {
    if (attempt > 1) await deps.wait.sleep(backoffBefore(deps.retry, attempt), deps.signal);
    if (deps.signal?.aborted) break;
    last = await attemptOnce(check, headers, deps, attempt);
    if (last.ok || !isTransient(check, last.status)) break;
  }
  return last;
}
async function attemptOnce(check, headers, deps, attempt) {
  const base = { name: check.name, url: check.url, method: check.method, attempts: attempt };
  try {
    const request = {
      url: check.url,
      method: check.method,
      headers,
      timeoutMs: check.timeoutMs,
      maxBodyBytes: MAX_BODY_BYTES,
      followRedirects: deps.followRedirects
    };
    if (check.json !== void 0) request.body = JSON.stringify(check.json);
    if (deps.signal) request.signal = deps.signal;
    const response = await deps.http.request(request);
    const answer = answerOf2(response);
    const problems = judgeAnswer(check, answer);
    return { ...base, ok: problems.length === 0, status: answer.status, ms: answer.ms, redirects: response.redirects, problems };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, ok: false, status: null, ms: null, redirects: [], problems: [`no answer: ${reason}`], unreachable: reason };
  }
}
async function runSmokeChecks(checks, deps) {
  const results = [];
  for (const check of checks) results.push(await runSmokeCheck(check, deps));
  return results;
}

// src/stages/rollback/index.ts
function parseOptions(section) {
  return { ...parseRollbackOptions(section), parsed: "rollback" };
}
function isParsed3(given) {
  return given.parsed === "rollback";
}
function optionsOf2(given) {
  return isParsed3(given) ? given : parseOptions(given);
}
var rollbackStage = {
  id: "rollback",
  phase: "change",
  // Stopped mid-drill, it must still roll forward: a command limit plus a wait, with room to spare.
  graceSeconds: 900,
  title: "Rollback",
  description: "smoke checks pass, the previous release is known, and a rollback drill finishes inside its time budget",
  built: true,
  checks: { paths: ["deploy", "homepage"] },
  configSchema: rollbackConfigSchema,
  flags: [
    { name: "dry-run", type: "boolean", configKey: "dryRun", description: "smoke checks and discovery only: show the drill's commands without running them" },
    { name: "url", type: "string", configKey: "url", valueName: "URL", description: "the deployment under test" },
    { name: "previous-release", type: "string", configKey: "previousRelease", valueName: "RELEASE", description: "the known-good release to roll back to" }
  ],
  validateConfig: (section) => validateRollbackConfig(section),
  notConfigured: rollbackNotConfigured,
  parseOptions,
  run: (ctx) => runRollbackStage(ctx)
};
async function runRollbackStage(ctx) {
  const options = optionsOf2(ctx.options);
  const services = ctx.services;
  const findings = [];
  const smokeDeps = {
    http: services.http,
    wait: services.wait,
    env: ctx.env,
    secrets: ctx.secrets,
    retry: options.retry,
    followRedirects: options.followRedirects
  };
  const smokeNow = (signal) => runSmokeChecks(options.smoke, signal ? { ...smokeDeps, signal } : smokeDeps);
  ctx.progress(`smoke: ${options.smoke.length} check(s)`);
  const smoke = await smokeNow(ctx.signal);
  findings.push(...smokeFindings(smoke));
  const served = options.version ? await readServedVersion(options.version, services.http, ctx.signal) : void 0;
  if (options.version && served && !served.ok) findings.push(versionUnreadableFinding(options.version.url, served.problem, options.drill !== void 0));
  const repo = resolve8(ctx.baseDir, options.repo);
  const current = { ...served?.ok ? { version: served.version } : {}, ...ctx.env.GITHUB_SHA ? { sha: ctx.env.GITHUB_SHA } : {} };
  const discovery = await discoverPrevious({ options, github: services.github, repo, current });
  if (!discovery.previous) findings.push(previousUnknownFinding(discovery.tried));
  const runbook = findRunbook(repo);
  if (!runbook) findings.push(noRunbookFinding());
  const drill = await drillStep(ctx, options, services, { served, smoke, smokeNow, findings, repo, previous: discovery.previous });
  const facts = { options, smoke, served, previous: discovery.previous, runbook, drill };
  return {
    summary: rollbackSummary(facts),
    findings,
    metrics: rollbackMetrics(facts),
    blocks: rollbackBlocks(facts),
    checkedPaths: checkedPaths(options, drill)
  };
}
function checkedPaths(options, drill) {
  const paths = [];
  if (drill.state === "ran" && !drill.report.interrupted) paths.push("deploy");
  if (options.smoke.some((check) => new URL(check.url).pathname === "/")) paths.push("homepage");
  return paths;
}
async function drillStep(ctx, options, services, inputs) {
  if (!options.drill) return { state: "none" };
  if (!inputs.served?.ok) return { state: "skipped", why: "the served release is unknown (see the version finding), so a switch could not be seen" };
  const plan = { options: options.drill, current: inputs.served.version, cwd: inputs.repo };
  if (inputs.previous) plan.previous = inputs.previous;
  if (options.dryRun) return { state: "dry-run", plan };
  const event = ctx.env.GITHUB_EVENT_NAME;
  if (event === "pull_request" || event === "pull_request_target") {
    return {
      state: "skipped",
      why: `drills do not run on ${event} events: the commands would come from the pull request under review; run the drill on deployment_status, workflow_dispatch or schedule`
    };
  }
  const failing = inputs.smoke.filter((r2) => !r2.ok).length;
  if (failing > 0) return { state: "skipped", why: `${failing} smoke check(s) fail on the current deployment; a drill on a broken site proves nothing` };
  if (ctx.signal.aborted) return { state: "skipped", why: "the run was stopped before the drill started" };
  for (const name of options.drill.passEnv) ctx.secrets.add(ctx.env[name]);
  const report = await runDrill(plan, {
    processes: services.processes,
    wait: services.wait,
    readVersion: (signal) => readServedVersion(options.version, services.http, signal),
    smoke: inputs.smokeNow,
    now: () => performance.now(),
    signal: ctx.signal,
    progress: ctx.progress,
    scrub: (text2) => ctx.secrets.scrub(text2)
  });
  inputs.findings.push(...drillFindings(report, options.drill, plan.current, manualRollForward(plan)));
  return { state: "ran", plan, report };
}

// node_modules/@simple-git/args-pathspec/dist/index.mjs
var t = /* @__PURE__ */ new WeakMap();
function c(...n) {
  const e = new String(n);
  return t.set(e, n), e;
}
function r(n) {
  return n instanceof String && t.has(n);
}
function o(n) {
  return t.get(n) ?? [];
}

// node_modules/simple-git/dist/index.mjs
var import_file_exists = __toESM(require_dist2(), 1);
var import_debug = __toESM(require_src(), 1);
var import_promise_deferred = __toESM(require_dist3(), 1);
import { spawn as ve } from "node:child_process";
import { normalize as Se } from "node:path";

// node_modules/@simple-git/argv-parser/dist/index.mjs
function* x(e, n) {
  const t2 = n === "global";
  for (const o2 of e)
    o2.isGlobal === t2 && (yield o2);
}
var P = /* @__PURE__ */ new Set([
  "--add",
  "--edit",
  "--remove-section",
  "--rename-section",
  "--replace-all",
  "--unset",
  "--unset-all",
  "-e"
]);
var S = /* @__PURE__ */ new Set([
  "--get",
  "--get-all",
  "--get-color",
  "--get-colorbool",
  "--get-regexp",
  "--get-urlmatch",
  "--list",
  "-l"
]);
var E = /* @__PURE__ */ new Set([
  "edit",
  "remove-section",
  "rename-section",
  "set",
  "unset"
]);
var F = /* @__PURE__ */ new Set(["get", "get-color", "get-colorbool", "list"]);
function A(e, n) {
  for (const { name: o2 } of x(e, "task")) {
    if (P.has(o2))
      return w(true, n);
    if (S.has(o2))
      return w(false, n);
  }
  const t2 = n.at(0)?.toLowerCase();
  return t2 === void 0 ? null : E.has(t2) ? w(true, n.slice(1)) : F.has(t2) ? w(false, n.slice(1)) : n.length === 1 ? w(false, n) : w(true, n);
}
function w(e = false, n = []) {
  const t2 = n.at(0)?.toLowerCase();
  return t2 === void 0 ? null : {
    isWrite: e,
    isRead: !e,
    key: t2,
    value: n.at(1)
  };
}
function O(e, n) {
  return n.isWrite && n.value !== void 0 ? { key: n.key, value: n.value, scope: e } : { key: n.key, scope: e };
}
function G(e) {
  const n = e?.indexOf("=") || -1;
  return !e || n < 0 ? null : {
    key: e.slice(0, n).trim().toLowerCase(),
    value: e.slice(n + 1)
  };
}
function M(e) {
  for (const { name: n } of x(e, "task"))
    switch (n) {
      case "--global":
        return "global";
      case "--system":
        return "system";
      case "--worktree":
        return "worktree";
      case "--local":
        return "local";
      case "--file":
      case "-f":
        return "file";
    }
  return "local";
}
function N({ name: e }) {
  if (e === "-c" || e === "--config")
    return "inline";
  if (e === "--config-env")
    return "env";
}
function* $(e) {
  for (const n of e) {
    const t2 = N(n), o2 = t2 && G(n.value);
    o2 && (yield {
      ...o2,
      scope: t2
    });
  }
}
function D(e, n, t2) {
  const o2 = {
    read: [],
    write: [...$(n)]
  };
  return e === "config" && L(
    o2,
    M(n),
    A(n, t2)
  ), o2;
}
function L(e, n, t2) {
  if (t2 === null)
    return;
  const o2 = O(n, t2);
  t2.isWrite ? e.write.push(o2) : e.read.push(o2);
}
var C = {
  short: /* @__PURE__ */ new Map([
    ["c", true]
    //  -c <k=v>    set config key for this invocation
  ])
};
var I = {
  short: new Map([
    ["C", true],
    //  -C <path>   change working directory
    ["P", false],
    // -P          no pager (alias for --no-pager)
    ["h", false],
    // -h          help
    ["p", false],
    // -p          paginate
    ["v", false],
    // -v          version
    ...C.short.entries()
  ]),
  long: /* @__PURE__ */ new Set([
    "attr-source",
    "config-env",
    "exec-path",
    "git-dir",
    "list-cmds",
    "namespace",
    "super-prefix",
    "work-tree"
  ])
};
var R = {
  clone: {
    short: /* @__PURE__ */ new Map([
      ["b", true],
      // -b <branch>
      ["j", true],
      // -j <n>          parallel jobs
      ["l", false],
      // -l local
      ["n", false],
      // -n no-checkout
      ["o", true],
      // -o <name>       remote name
      ["q", false],
      // -q quiet
      ["s", false],
      // -s shared
      ["u", true]
      // -u <upload-pack>
    ]),
    long: /* @__PURE__ */ new Set(["branch", "config", "jobs", "origin", "upload-pack", "u", "template"])
  },
  commit: {
    short: /* @__PURE__ */ new Map([
      ["C", true],
      // -C <commit>  reuse message
      ["F", true],
      // -F <file>    read message from file
      ["c", true],
      // -c <commit>  reedit message
      ["m", true],
      // -m <msg>
      ["t", true]
      // -t <template>
    ]),
    long: /* @__PURE__ */ new Set(["file", "message", "reedit-message", "reuse-message", "template"])
  },
  config: {
    short: /* @__PURE__ */ new Map([
      ["e", false],
      // -e  open editor
      ["f", true],
      //  -f <file>
      ["l", false]
      // -l  list
    ]),
    long: /* @__PURE__ */ new Set(["blob", "comment", "default", "file", "type", "value"])
  },
  fetch: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["upload-pack"])
  },
  init: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["template"])
  },
  pull: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["upload-pack"])
  },
  push: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["exec", "receive-pack"])
  },
  rebase: {
    short: /* @__PURE__ */ new Map([
      ["X", true],
      // -X <option>   strategy option
      ["f", false],
      // -f force-rebase
      ["i", false],
      // -i interactive
      ["k", false],
      // -k keep-base
      ["m", false],
      // -m merge
      ["n", false],
      // -n no-stat
      ["q", false],
      // -q quiet
      ["r", false],
      // -r rebase-merges
      ["s", true],
      // -s <strategy>
      ["v", false],
      // -v verbose
      ["x", true]
      // -x <cmd>      exec
    ]),
    long: /* @__PURE__ */ new Set(["exec", "onto", "strategy", "strategy-option"])
  }
};
var T = { short: /* @__PURE__ */ new Map(), long: /* @__PURE__ */ new Set() };
function B(e) {
  const n = R[e ?? ""] ?? T;
  return {
    short: new Map([...C.short.entries(), ...n.short.entries()]),
    long: n.long
  };
}
function b(e, n = I) {
  if (e.startsWith("--")) {
    const t2 = e.indexOf("=");
    if (t2 > 2)
      return [{ name: e.slice(0, t2), value: e.slice(t2 + 1), needsNext: false }];
    const o2 = e.slice(2);
    return [{ name: e, needsNext: n.long.has(o2) }];
  }
  if (e.length === 2) {
    const t2 = e.charAt(1), o2 = n.short.get(t2);
    return [{ name: e, needsNext: o2 === true }];
  }
  return j(e, n.short);
}
function j(e, n) {
  const t2 = e.slice(1).split(""), o2 = [];
  for (let a = 0; a < t2.length; a++) {
    const s = t2[a], r2 = n.get(s);
    if (r2 === void 0)
      return [{ name: e, needsNext: false }];
    if (r2) {
      const i = t2.slice(a + 1).join("");
      if (i && ![...i].every((m2) => n.has(m2)))
        return o2.push({ name: `-${s}`, value: i, needsNext: false }), o2;
    }
    o2.push({ name: `-${s}`, needsNext: r2 });
  }
  return o2;
}
function W(e, n = []) {
  let t2 = 0;
  for (; t2 < e.length; ) {
    const o2 = String(e[t2]);
    if (!o2.startsWith("-") || o2.length < 2) break;
    const a = b(o2);
    let s = t2 + 1;
    for (const r2 of a) {
      const i = {
        name: r2.name,
        value: r2.value,
        absorbedNext: false,
        isGlobal: true
      };
      r2.needsNext && i.value === void 0 && s < e.length && (i.value = String(e[s]), i.absorbedNext = true, s++), n.push(i);
    }
    t2 = s;
  }
  return { flags: n, taskIndex: t2 };
}
function V(e, n, t2 = []) {
  const o2 = B(n), a = [], s = [];
  let r2 = 0;
  for (; r2 < e.length; ) {
    const i = e[r2];
    if (r(i)) {
      s.push(...o(i)), r2++;
      continue;
    }
    const p2 = String(i);
    if (p2 === "--") {
      for (let d2 = r2 + 1; d2 < e.length; d2++) {
        const g2 = e[d2];
        r(g2) ? s.push(...o(g2)) : s.push(String(g2));
      }
      break;
    }
    if (!p2.startsWith("-") || p2.length < 2) {
      a.push(p2), r2++;
      continue;
    }
    const m2 = b(p2, o2);
    let u2 = r2 + 1;
    for (const d2 of m2) {
      const g2 = {
        name: d2.name,
        value: d2.value,
        absorbedNext: false,
        isGlobal: false
      };
      d2.needsNext && g2.value === void 0 && u2 < e.length && !r(e[u2]) && (g2.value = String(e[u2]), g2.absorbedNext = true, u2++), t2.push(g2);
    }
    r2 = u2;
  }
  return { flags: t2, positionals: a, pathspecs: s };
}
function* q({
  write: e
}) {
  for (const n of e)
    for (const t2 of K) {
      const o2 = t2(n.key);
      o2 && (yield o2);
    }
}
function f(e, n, t2 = String(e)) {
  const o2 = typeof e == "string" ? new RegExp(`\\s*${e.toLowerCase()}`) : e;
  return function(s) {
    if (o2.test(s))
      return {
        category: n,
        message: `Configuring ${t2} is not permitted without enabling ${n}`
      };
  };
}
function l(e, n) {
  const t2 = new RegExp(`\\s*${e.toLowerCase().replace(/\./g, "(..+)?.")}`);
  return f(t2, n, e);
}
var K = [
  f("alias", "allowUnsafeAlias"),
  f("core.askPass", "allowUnsafeAskPass"),
  f("core.editor", "allowUnsafeEditor"),
  f("core.fsmonitor", "allowUnsafeFsMonitor"),
  f("core.gitProxy", "allowUnsafeGitProxy"),
  f("core.hooksPath", "allowUnsafeHooksPath"),
  f("core.pager", "allowUnsafePager"),
  f("core.sshCommand", "allowUnsafeSshCommand"),
  l("credential.helper", "allowUnsafeCredentialHelper"),
  l("diff.command", "allowUnsafeDiffExternal"),
  f("diff.external", "allowUnsafeDiffExternal"),
  l("difftool.cmd", "allowUnsafeDiffExternal"),
  l("diff.textconv", "allowUnsafeDiffTextConv"),
  l("filter.clean", "allowUnsafeFilter"),
  l("filter.process", "allowUnsafeFilter"),
  l("filter.smudge", "allowUnsafeFilter"),
  l("gpg.program", "allowUnsafeGpgProgram"),
  f("include.path", "allowUnsafeInclude"),
  l("includeIf", "allowUnsafeInclude"),
  f("init.templateDir", "allowUnsafeTemplateDir"),
  l("pager.", "allowUnsafePager"),
  l("merge.driver", "allowUnsafeMergeDriver"),
  l("mergetool.path", "allowUnsafeMergeDriver"),
  l("mergetool.cmd", "allowUnsafeMergeDriver"),
  l("protocol.allow", "allowUnsafeProtocolOverride"),
  l("remote.receivepack", "allowUnsafePack"),
  l("remote.uploadpack", "allowUnsafePack"),
  f("uploadpack.packObjectsHook", "allowUnsafePack"),
  f("sequence.editor", "allowUnsafeEditor"),
  l("submodule.update", "allowUnsafeSubmodule"),
  l("tar.command", "allowUnsafeCommandBinaries"),
  l("trailer.cmd", "allowUnsafeCommandBinaries"),
  l("trailer.command", "allowUnsafeCommandBinaries"),
  l("url.insteadOf", "allowUnsafeUrlRewrite")
];
function* H(e, n) {
  for (const t2 of n)
    for (const o2 of X) {
      const a = o2(e, t2);
      a && (yield a);
    }
}
function c2(e, n, t2, { name: o2 = String(n), globalOnly: a = false, withValue: s = false } = {}) {
  const r2 = typeof n == "string" ? new RegExp(`\\s*${n.toLowerCase()}`) : n, i = `Use of ${e ? `${e} with option ` : ""}${o2} is not permitted without enabling ${t2}`;
  return function(m2, u2) {
    if (!(e && m2 !== e) && !(a && !u2.isGlobal) && !(s && u2.value === void 0) && r2.test(u2.name))
      return {
        category: t2,
        message: i
      };
  };
}
var h = { globalOnly: true, withValue: true };
var X = [
  c2(null, /--(upload|receive)-pack/, "allowUnsafePack", {
    name: "--upload-pack or --receive-pack"
  }),
  c2("clone", /^-\w*u/, "allowUnsafePack"),
  c2("clone", "--u", "allowUnsafePack"),
  c2("push", /^--exec$/, "allowUnsafePack", { name: "--exec" }),
  // `git` accepts unambiguous abbreviations of long options, so `--ex` and `--exe` are `--exec`
  c2("rebase", /^(-x|--ex(ec?)?)$/, "allowUnsafeExec", { name: "-x or --exec" }),
  c2(null, "--template", "allowUnsafeTemplateDir"),
  c2(null, "--exec-path", "allowUnsafeExec", h),
  // `git` reads the configuration of whichever repository these name, so the
  // directory alone is enough to deliver config the argv guards never see
  c2(null, "--git-dir", "allowUnsafeConfigPaths", h),
  c2(null, "--work-tree", "allowUnsafeConfigPaths", h),
  c2(null, /^-C$/, "allowUnsafeConfigPaths", { ...h, name: "-C" })
];
function k(e, n, t2) {
  return [...H(e, n), ...q(t2)];
}
function Y(...e) {
  const { flags: n, taskIndex: t2 } = W(e), o2 = t2 < e.length ? String(e[t2]).toLowerCase() : null, a = o2 !== null ? e.slice(t2 + 1) : [], { positionals: s, pathspecs: r2 } = V(a, o2, n), i = D(o2, n, s);
  return {
    task: o2,
    flags: n.map(J),
    paths: r2,
    config: i,
    vulnerabilities: z(k(o2, n, i))
  };
}
function z(e) {
  return Object.defineProperty(e, "vulnerabilities", {
    value: e
  });
}
function J({ value: e, name: n }) {
  return e !== void 0 ? { name: n, value: e } : { name: n };
}
var y = {
  editor: "allowUnsafeEditor",
  git_askpass: "allowUnsafeAskPass",
  git_config_global: "allowUnsafeConfigPaths",
  git_config_system: "allowUnsafeConfigPaths",
  git_config_count: "allowUnsafeConfigEnvCount",
  git_config_parameters: "allowUnsafeConfigEnvCount",
  git_config: "allowUnsafeConfigPaths",
  git_editor: "allowUnsafeEditor",
  git_exec_path: "allowUnsafeExec",
  git_external_diff: "allowUnsafeDiffExternal",
  git_pager: "allowUnsafePager",
  git_proxy_command: "allowUnsafeGitProxy",
  git_template_dir: "allowUnsafeTemplateDir",
  git_sequence_editor: "allowUnsafeEditor",
  git_ssh: "allowUnsafeSshCommand",
  git_ssh_command: "allowUnsafeSshCommand",
  pager: "allowUnsafePager",
  prefix: "allowUnsafeConfigPaths",
  ssh_askpass: "allowUnsafeAskPass",
  visual: "allowUnsafeEditor"
};
function* Q(e) {
  const n = parseInt(e.git_config_count ?? "0", 10);
  for (let t2 = 0; t2 < n; t2++) {
    const o2 = e[`git_config_key_${t2}`], a = e[`git_config_value_${t2}`];
    o2 !== void 0 && (yield { key: o2.toLowerCase().trim(), value: a, scope: "env" });
  }
}
function* Z(e) {
  for (const n of Object.keys(e))
    if (_(n)) {
      const t2 = y[n];
      yield {
        category: t2,
        message: `Use of "${n.toUpperCase()}" is not permitted without enabling ${t2}`
      };
    }
}
function _(e) {
  return Object.hasOwn(y, e);
}
function ee(e) {
  const n = {};
  for (const [t2, o2] of Object.entries(e)) {
    const a = t2.toLowerCase().trim();
    (_(a) || a.startsWith("git")) && (n[a] = String(o2));
  }
  return n;
}
function ne(e) {
  const n = ee(e), t2 = {
    read: [],
    write: [...Q(n)]
  }, o2 = [
    ...Z(n),
    ...k(null, [], t2)
  ];
  return {
    config: t2,
    vulnerabilities: o2
  };
}
function oe(e, n) {
  return [...Y(...e).vulnerabilities, ...ne(n).vulnerabilities];
}

// node_modules/simple-git/dist/index.mjs
import { EventEmitter as Ce } from "node:events";
var O2 = class extends Error {
  constructor(e, n) {
    super(n), this.task = e, Object.setPrototypeOf(this, new.target.prototype);
  }
};
var Ae = class extends O2 {
  constructor(e, n) {
    super(void 0, n), this.config = e;
  }
};
var A2 = class extends O2 {
  constructor(e, n, r2) {
    super(e, r2), this.task = e, this.plugin = n, Object.setPrototypeOf(this, new.target.prototype);
  }
};
var at = class extends O2 {
  constructor(e, n) {
    super(void 0, n || String(e)), this.git = e;
  }
};
var xe = class extends O2 {
  constructor(e) {
    super(void 0, e);
  }
};
var I2 = "\0";
var W2 = () => {
};
function Ne(t2) {
  return typeof t2 != "function" ? W2 : t2;
}
function $e(t2) {
  return typeof t2 == "function" && t2 !== W2;
}
function Pe(t2, e) {
  const n = t2.indexOf(e);
  return n <= 0 ? [t2, ""] : [t2.substr(0, n), t2.substr(n + 1)];
}
function Me(t2, e = 0) {
  return Dt(t2) && t2.length > e ? t2[e] : void 0;
}
function N2(t2, e = 0) {
  if (Dt(t2) && t2.length > e)
    return t2[t2.length - 1 - e];
}
function Dt(t2) {
  return Bt(t2);
}
function H2(t2 = "", e = true, n = `
`) {
  return t2.split(n).reduce((r2, s) => {
    const o2 = e ? s.trim() : s;
    return o2 && r2.push(o2), r2;
  }, []);
}
function ut(t2, e) {
  return H2(t2, true).map((n) => e(n));
}
function Lt(t2) {
  return (0, import_file_exists.exists)(t2, import_file_exists.FOLDER);
}
function S2(t2, e) {
  return Array.isArray(t2) ? t2.includes(e) || t2.push(e) : t2.add(e), e;
}
function De(t2, e) {
  return Array.isArray(t2) && !t2.includes(e) && t2.push(e), t2;
}
function ct(t2, e) {
  if (Array.isArray(t2)) {
    const n = t2.indexOf(e);
    n >= 0 && t2.splice(n, 1);
  } else
    t2.delete(e);
  return e;
}
var ft = Object.prototype.toString.call.bind(Object.prototype.toString);
function v(t2) {
  return Array.isArray(t2) ? t2 : [t2];
}
function jt(t2) {
  return t2.replace(/[\s-]+(.)/g, (e, n) => n.toUpperCase());
}
function L2(t2) {
  return v(t2).map((e) => e instanceof String ? e : String(e));
}
function p(t2, e = 0) {
  if (t2 == null)
    return e;
  const n = parseInt(t2, 10);
  return Number.isNaN(n) ? e : n;
}
function U(t2, e) {
  const n = [];
  for (let r2 = 0, s = t2.length; r2 < s; r2++)
    n.push(e, t2[r2]);
  return n;
}
function F2(t2) {
  return (Array.isArray(t2) ? Buffer.concat(t2) : t2).toString("utf-8");
}
function Le(t2) {
  return t2 ? Buffer.isBuffer(t2) ? t2.length : Buffer.byteLength(t2) : 0;
}
function je(t2, e) {
  const n = {};
  return e.forEach((r2) => {
    t2[r2] !== void 0 && (n[r2] = t2[r2]);
  }), n;
}
function wt(t2 = 0) {
  return new Promise((e) => setTimeout(e, t2));
}
function bt(t2) {
  if (t2 !== false)
    return t2;
}
function d(t2, e, n) {
  return e(t2) ? t2 : arguments.length > 2 ? n : void 0;
}
var K2 = (t2) => Array.isArray(t2);
function st(t2, e) {
  const n = r(t2) ? "string" : typeof t2;
  return /number|string|boolean/.test(n) && (!e || !e.includes(n));
}
var m = (t2) => typeof t2 == "string" || r(t2);
var Be = (t2) => m(t2) || Buffer.isBuffer(t2);
var G2 = (t2) => m(t2) || Array.isArray(t2) && t2.every(m);
function lt(t2) {
  return !!t2 && ft(t2) === "[object Object]";
}
function Ie(t2) {
  return typeof t2 == "function";
}
var Bt = (t2) => t2 == null || "number|boolean|function".includes(typeof t2) ? false : typeof t2.length == "number";
var V2 = /* @__PURE__ */ ((t2) => (t2[t2.SUCCESS = 0] = "SUCCESS", t2[t2.ERROR = 1] = "ERROR", t2[t2.NOT_FOUND = -2] = "NOT_FOUND", t2[t2.UNCLEAN = 128] = "UNCLEAN", t2))(V2 || {});
var z2 = class _z {
  constructor(e, n) {
    this.stdOut = e, this.stdErr = n;
  }
  asStrings() {
    return new _z(this.stdOut.toString("utf8"), this.stdErr.toString("utf8"));
  }
};
function Ue() {
  throw new Error("LineParser:useMatches not implemented");
}
var l2 = class {
  constructor(e, n) {
    this.matches = [], this.useMatches = Ue, this.parse = (r2, s) => (this.resetMatches(), this._regExp.every((o2, i) => this.addMatch(o2, i, r2(i))) ? this.useMatches(s, this.prepareMatches()) !== false : false), this._regExp = Array.isArray(e) ? e : [e], n && (this.useMatches = n);
  }
  resetMatches() {
    this.matches.length = 0;
  }
  prepareMatches() {
    return this.matches;
  }
  addMatch(e, n, r2) {
    const s = r2 && e.exec(r2);
    return s && this.pushMatch(n, s), !!s;
  }
  pushMatch(e, n) {
    this.matches.push(...n.slice(1));
  }
};
var x2 = class extends l2 {
  addMatch(e, n, r2) {
    return /^remote:\s/.test(String(r2)) && super.addMatch(e, n, r2);
  }
  pushMatch(e, n) {
    (e > 0 || n.length > 1) && super.pushMatch(e, n);
  }
};
var Fe = {
  binary: "git",
  maxConcurrentProcesses: 5,
  config: [],
  trimmed: false
};
function Ge(...t2) {
  const e = process.cwd(), n = Object.assign(
    { baseDir: e, ...Fe },
    ...t2.filter((r2) => typeof r2 == "object" && r2)
  );
  return n.baseDir = n.baseDir || e, n.trimmed = n.trimmed === true, n;
}
function It(t2, e = []) {
  return lt(t2) ? Object.keys(t2).reduce((n, r2) => {
    const s = t2[r2];
    if (r(s))
      n.push(s);
    else if (st(s, ["boolean"]))
      n.push(r2 + "=" + s);
    else if (Array.isArray(s))
      for (const o2 of s)
        st(o2, ["string", "number"]) || n.push(r2 + "=" + o2);
    else
      n.push(r2);
    return n;
  }, e) : e;
}
function h2(t2, e = 0, n = false) {
  const r2 = [];
  for (let s = 0, o2 = e < 0 ? t2.length : e; s < o2; s++)
    "string|number".includes(typeof t2[s]) && r2.push(String(t2[s]));
  return It(ht(t2), r2), n || r2.push(...ze(t2)), r2;
}
function ze(t2) {
  const e = typeof N2(t2) == "function";
  return L2(d(N2(t2, e ? 1 : 0), K2, []));
}
function ht(t2) {
  const e = Ie(N2(t2));
  return d(N2(t2, e ? 1 : 0), lt);
}
function u(t2, e = true) {
  const n = Ne(N2(t2));
  return e || $e(n) ? n : void 0;
}
function Tt(t2, e) {
  return t2(e.stdOut, e.stdErr);
}
function E2(t2, e, n, r2 = true) {
  return v(n).forEach((s) => {
    for (let o2 = H2(s, r2), i = 0, a = o2.length; i < a; i++) {
      const c3 = (y2 = 0) => {
        if (!(i + y2 >= a))
          return o2[i + y2];
      };
      e.some(({ parse: y2 }) => y2(c3, t2));
    }
  }), t2;
}
var mt = ({ exitCode: t2 }, e, n, r2) => {
  if (t2 === V2.UNCLEAN && Ve(e))
    return n(Buffer.from("false"));
  r2(e);
};
var Ut = (t2) => t2.trim() === "true";
function We(t2) {
  switch (t2) {
    case "bare":
      return Ke();
    case "root":
      return He();
  }
  return {
    commands: ["rev-parse", "--is-inside-work-tree"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function He() {
  return {
    commands: ["rev-parse", "--git-dir"],
    format: "utf-8",
    onError: mt,
    parser(e) {
      return /^\.(git)?$/.test(e.trim());
    }
  };
}
function Ke() {
  return {
    commands: ["rev-parse", "--is-bare-repository"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function Ve(t2) {
  return /(Not a git repository|Kein Git-Repository)/i.test(String(t2));
}
var Xe = class {
  constructor(e) {
    this.paths = [], this.files = [], this.folders = [], this.dryRun = e;
  }
};
var Ye = /^[a-z]+\s*/i;
var Qe = /^[a-z]+\s+[a-z]+\s*/i;
var Je = /\/$/;
function Ze(t2, e) {
  const n = new Xe(t2), r2 = t2 ? Qe : Ye;
  return H2(e).forEach((s) => {
    const o2 = s.replace(r2, "");
    n.paths.push(o2), (Je.test(o2) ? n.folders : n.files).push(o2);
  }), n;
}
var Ft = [];
function tn(t2) {
  return {
    commands: Ft,
    format: "empty",
    parser: t2
  };
}
function b2(t2) {
  return {
    commands: Ft,
    format: "empty",
    parser() {
      throw typeof t2 == "string" ? new xe(t2) : t2;
    }
  };
}
function g(t2, e = false) {
  return {
    commands: t2,
    format: "utf-8",
    parser(n) {
      return e ? String(n).trim() : n;
    }
  };
}
function Gt(t2) {
  return {
    commands: t2,
    format: "buffer",
    parser(e) {
      return e;
    }
  };
}
function en(t2) {
  return t2.format === "buffer";
}
function kt(t2) {
  return t2.format === "empty" || !t2.commands.length;
}
var nn = "Git clean interactive mode is not supported";
var rn = 'Git clean mode parameter ("n" or "f") is required';
var sn = "Git clean unknown option found in: ";
var zt = /* @__PURE__ */ ((t2) => (t2.DRY_RUN = "n", t2.FORCE = "f", t2.IGNORED_INCLUDED = "x", t2.IGNORED_ONLY = "X", t2.EXCLUDING = "e", t2.QUIET = "q", t2.RECURSIVE = "d", t2))(zt || {});
var qt = /* @__PURE__ */ new Set([
  "i",
  ...L2(Object.values(zt))
]);
function on(t2, e) {
  const { cleanMode: n, options: r2, valid: s } = cn(t2);
  return n ? s.options ? (r2.push(...e), r2.some(hn) ? b2(nn) : an(n, r2)) : b2(sn + JSON.stringify(t2)) : b2(rn);
}
function an(t2, e) {
  return {
    commands: ["clean", `-${t2}`, ...e],
    format: "utf-8",
    parser(r2) {
      return Ze(t2 === "n", r2);
    }
  };
}
function un(t2) {
  return Array.isArray(t2) && t2.every((e) => qt.has(e));
}
function cn(t2) {
  let e, n = [], r2 = { cleanMode: false, options: true };
  return t2.replace(/[^a-z]i/g, "").split("").forEach((s) => {
    fn(s) ? (e = s, r2.cleanMode = true) : r2.options = r2.options && ln(n[n.length] = `-${s}`);
  }), {
    cleanMode: e,
    options: n,
    valid: r2
  };
}
function fn(t2) {
  return t2 === "f" || t2 === "n";
}
function ln(t2) {
  return /^-[a-z]$/i.test(t2) && qt.has(t2.charAt(1));
}
function hn(t2) {
  return /^-[^\-]/.test(t2) ? t2.indexOf("i") > 0 : t2 === "--interactive";
}
var mn = class {
  constructor() {
    this.files = [], this.values = /* @__PURE__ */ Object.create(null);
  }
  get all() {
    return this._all || (this._all = this.files.reduce((e, n) => Object.assign(e, this.values[n]), {})), this._all;
  }
  addFile(e) {
    if (!(e in this.values)) {
      const n = N2(this.files);
      this.values[e] = n ? Object.create(this.values[n]) : {}, this.files.push(e);
    }
    return this.values[e];
  }
  addValue(e, n, r2) {
    const s = this.addFile(e);
    Object.hasOwn(s, n) ? Array.isArray(s[n]) ? s[n].push(r2) : s[n] = [s[n], r2] : s[n] = r2, this._all = void 0;
  }
};
function pn(t2) {
  const e = new mn();
  for (const n of Wt(t2))
    e.addValue(n.file, String(n.key), n.value);
  return e;
}
function dn(t2, e) {
  let n = null;
  const r2 = [], s = /* @__PURE__ */ new Map();
  for (const o2 of Wt(t2, e))
    o2.key === e && (r2.push(n = o2.value), s.has(o2.file) || s.set(o2.file, []), s.get(o2.file).push(n));
  return {
    key: e,
    paths: Array.from(s.keys()),
    scopes: s,
    value: n,
    values: r2
  };
}
function gn(t2) {
  return t2.replace(/^(file):/, "");
}
function* Wt(t2, e = null) {
  const n = t2.split("\0");
  for (let r2 = 0, s = n.length - 1; r2 < s; ) {
    const o2 = gn(n[r2++]);
    let i = n[r2++], a = e;
    if (i.includes(`
`)) {
      const c3 = Pe(i, `
`);
      a = c3[0], i = c3[1];
    }
    yield { file: o2, key: a, value: i };
  }
}
var Ht = /* @__PURE__ */ ((t2) => (t2.system = "system", t2.global = "global", t2.local = "local", t2.worktree = "worktree", t2))(Ht || {});
function Y2(t2, e) {
  return typeof t2 == "string" && Object.hasOwn(Ht, t2) ? t2 : e;
}
function yn(t2, e, n, r2) {
  const s = ["config", `--${r2}`];
  return n && s.push("--add"), s.push(t2, e), {
    commands: s,
    format: "utf-8",
    parser(o2) {
      return o2;
    }
  };
}
function wn(t2, e) {
  const n = ["config", "--null", "--show-origin", "--get-all", t2];
  return e && n.splice(1, 0, `--${e}`), {
    commands: n,
    format: "utf-8",
    parser(r2) {
      return dn(r2, t2);
    }
  };
}
function bn(t2) {
  const e = ["config", "--list", "--show-origin", "--null"];
  return t2 && e.push(`--${t2}`), {
    commands: e,
    format: "utf-8",
    parser(n) {
      return pn(n);
    }
  };
}
function Tn() {
  return {
    addConfig(t2, e, ...n) {
      return this._runTask(
        yn(
          t2,
          e,
          n[0] === true,
          Y2(
            n[1],
            "local"
            /* local */
          )
        ),
        u(arguments)
      );
    },
    getConfig(t2, e) {
      return this._runTask(
        wn(t2, Y2(e, void 0)),
        u(arguments)
      );
    },
    listConfig(...t2) {
      return this._runTask(
        bn(Y2(t2[0], void 0)),
        u(arguments)
      );
    }
  };
}
var Kt = /* @__PURE__ */ ((t2) => (t2.ADDED = "A", t2.COPIED = "C", t2.DELETED = "D", t2.MODIFIED = "M", t2.RENAMED = "R", t2.CHANGED = "T", t2.UNMERGED = "U", t2.UNKNOWN = "X", t2.BROKEN = "B", t2))(Kt || {});
var kn = new Set(Object.values(Kt));
function _n(t2) {
  return kn.has(t2);
}
var _t;
var vn = ["-h"];
var j2 = /* @__PURE__ */ Symbol("grepQuery");
var En = class {
  constructor() {
    this[_t] = [];
  }
  *[(_t = j2, Symbol.iterator)]() {
    for (const e of this[j2])
      yield e;
  }
  and(...e) {
    return e.length && this[j2].push("--and", "(", ...U(e, "-e"), ")"), this;
  }
  param(...e) {
    return this[j2].push(...U(e, "-e")), this;
  }
};
function Sn(...t2) {
  return new En().param(...t2);
}
function Rn(t2) {
  const e = /* @__PURE__ */ new Set(), n = {};
  return ut(t2, (r2) => {
    const [s, o2, i] = r2.split(I2);
    e.add(s), (n[s] = n[s] || []).push({
      line: p(o2),
      path: s,
      preview: i
    });
  }), {
    paths: e,
    results: n
  };
}
function On() {
  return {
    grep(t2) {
      const e = u(arguments), n = h2(arguments);
      for (const s of vn)
        if (n.includes(s))
          return this._runTask(
            b2(`git.grep: use of "${s}" is not supported.`),
            e
          );
      typeof t2 == "string" && (t2 = Sn().param(t2));
      const r2 = ["grep", "--null", "-n", "--full-name", ...n, ...t2];
      return this._runTask(
        {
          commands: r2,
          format: "utf-8",
          parser(s) {
            return Rn(s);
          }
        },
        e
      );
    }
  };
}
var Vt = /* @__PURE__ */ ((t2) => (t2.MIXED = "mixed", t2.SOFT = "soft", t2.HARD = "hard", t2.MERGE = "merge", t2.KEEP = "keep", t2))(Vt || {});
var Cn = L2(Object.values(Vt));
function An(t2, e) {
  const n = ["reset"];
  return Xt(t2) && n.push(`--${t2}`), n.push(...e), g(n);
}
function xn(t2) {
  if (Xt(t2))
    return t2;
  switch (typeof t2) {
    case "string":
    case "undefined":
      return "soft";
  }
}
function Xt(t2) {
  return typeof t2 == "string" && Cn.includes(t2);
}
import_debug.default.formatters.L = (t2) => String(Bt(t2) ? t2.length : "-");
import_debug.default.formatters.B = (t2) => Buffer.isBuffer(t2) ? t2.toString("utf8") : ft(t2);
function Nn() {
  return (0, import_debug.default)("simple-git");
}
function vt(t2, e, n) {
  return !e || !String(e).replace(/\s*/, "") ? n ? (r2, ...s) => {
    t2(r2, ...s), n(r2, ...s);
  } : t2 : (r2, ...s) => {
    t2(`%s ${r2}`, e, ...s), n && n(r2, ...s);
  };
}
function $n(t2, e, { namespace: n }) {
  if (typeof t2 == "string")
    return t2;
  const r2 = e && e.namespace || "";
  return r2.startsWith(n) ? r2.substr(n.length + 1) : r2 || n;
}
function $2(t2, e, n, r2 = Nn()) {
  const s = t2 && `[${t2}]` || "", o2 = [], i = typeof e == "string" ? r2.extend(e) : e, a = $n(d(e, m), i, r2);
  return y2(n);
  function c3(w2, T2) {
    return S2(
      o2,
      $2(t2, a.replace(/^[^:]+/, w2), T2, r2)
    );
  }
  function y2(w2) {
    const T2 = w2 && `[${w2}]` || "", k2 = i && vt(i, T2) || W2, C2 = vt(r2, `${s} ${T2}`, k2);
    return Object.assign(i ? k2 : C2, {
      label: t2,
      sibling: c3,
      info: C2,
      step: y2
    });
  }
}
var M2 = class M3 {
  constructor(e = "GitExecutor") {
    this.logLabel = e, this._queue = /* @__PURE__ */ new Map();
  }
  withProgress(e) {
    return this._queue.get(e);
  }
  createProgress(e) {
    const n = M3.getName(e.commands[0]), r2 = $2(this.logLabel, n);
    return {
      task: e,
      logger: r2,
      name: n
    };
  }
  push(e) {
    const n = this.createProgress(e);
    return n.logger("Adding task to the queue, commands = %o", e.commands), this._queue.set(e, n), n;
  }
  fatal(e) {
    for (const [n, { logger: r2 }] of Array.from(this._queue.entries()))
      n === e.task ? (r2.info("Failed %o", e), r2(
        "Fatal exception, any as-yet un-started tasks run through this executor will not be attempted"
      )) : r2.info(
        "A fatal exception occurred in a previous task, the queue has been purged: %o",
        e.message
      ), this.complete(n);
    if (this._queue.size !== 0)
      throw new Error(`Queue size should be zero after fatal: ${this._queue.size}`);
  }
  complete(e) {
    this.withProgress(e) && this._queue.delete(e);
  }
  attempt(e) {
    const n = this.withProgress(e);
    if (!n)
      throw new O2(void 0, "TasksPendingQueue: attempt called for an unknown task");
    return n.logger("Starting task"), n;
  }
  static getName(e = "empty") {
    return `task:${e}:${++M3.counter}`;
  }
};
M2.counter = 0;
var ot = M2;
var Pn = class {
  constructor(e, n, r2) {
    this._executor = e, this._scheduler = n, this._plugins = r2, this._chain = Promise.resolve(), this._queue = new ot();
  }
  get cwd() {
    return this._cwd || this._executor.cwd;
  }
  set cwd(e) {
    this._cwd = e;
  }
  get env() {
    return this._executor.env;
  }
  get outputHandler() {
    return this._executor.outputHandler;
  }
  chain() {
    return this;
  }
  push(e) {
    return this._queue.push(e), this._chain = this._chain.then(() => this.attemptTask(e));
  }
  async attemptTask(e) {
    const n = await this._scheduler.next(), r2 = () => this._queue.complete(e);
    try {
      const { logger: s } = this._queue.attempt(e);
      return await (kt(e) ? this.attemptEmptyTask(e, s) : this.attemptRemoteTask(e, s));
    } catch (s) {
      throw this.onFatalException(e, s);
    } finally {
      r2(), n();
    }
  }
  onFatalException(e, n) {
    const r2 = n instanceof O2 ? Object.assign(n, { task: e }) : new O2(e, n && String(n));
    return this._chain = Promise.resolve(), this._queue.fatal(r2), r2;
  }
  async attemptRemoteTask(e, n) {
    const r2 = this._plugins.exec("spawn.binary", "", this.taskContext(e, e.commands)), s = this._plugins.exec(
      "spawn.args",
      [...e.commands],
      this.taskContext(e, e.commands)
    ), o2 = await this.gitResponse(
      e,
      r2,
      s,
      this.outputHandler,
      n.step("SPAWN")
    ), i = await this.handleTaskData(e, s, o2, n.step("HANDLE"));
    return n("passing response to task's parser as a %s", e.format), en(e) ? Tt(e.parser, i) : Tt(e.parser, i.asStrings());
  }
  async attemptEmptyTask(e, n) {
    return n("empty task bypassing child process to call to task's parser"), e.parser(this);
  }
  handleTaskData(e, n, r2, s) {
    const { exitCode: o2, rejection: i, stdOut: a, stdErr: c3 } = r2;
    return new Promise((y2, w2) => {
      s("Preparing to handle process response exitCode=%d stdOut=", o2);
      const { error: T2 } = this._plugins.exec(
        "task.error",
        { error: i },
        {
          ...this.taskContext(e, n),
          ...r2
        }
      );
      if (T2 && e.onError)
        return s.info("exitCode=%s handling with custom error handler"), e.onError(
          r2,
          T2,
          (k2) => {
            s.info("custom error handler treated as success"), s("custom error returned a %s", ft(k2)), y2(
              new z2(
                Array.isArray(k2) ? Buffer.concat(k2) : k2,
                Buffer.concat(c3)
              )
            );
          },
          w2
        );
      if (T2)
        return s.info(
          "handling as error: exitCode=%s stdErr=%s rejection=%o",
          o2,
          c3.length,
          i
        ), w2(T2);
      s.info("retrieving task output complete"), y2(new z2(Buffer.concat(a), Buffer.concat(c3)));
    });
  }
  async gitResponse(e, n, r2, s, o2) {
    const i = o2.sibling("output"), a = this._plugins.exec(
      "spawn.options",
      {
        cwd: this.cwd,
        env: this.env,
        windowsHide: true
      },
      this.taskContext(e, e.commands)
    );
    return new Promise((c3) => {
      const y2 = [], w2 = [];
      o2.info("%s %o", n, r2), o2("%O", a);
      let T2 = this._beforeSpawn(e, r2);
      if (T2)
        return c3({
          stdOut: y2,
          stdErr: w2,
          exitCode: 9901,
          rejection: T2
        });
      this._plugins.exec("spawn.before", void 0, {
        ...this.taskContext(e, r2),
        kill(C2) {
          T2 = C2 || T2;
        }
      });
      const k2 = ve(n, r2, a);
      k2.stdout.on(
        "data",
        Et(y2, "stdOut", o2, i.step("stdOut"))
      ), k2.stderr.on(
        "data",
        Et(w2, "stdErr", o2, i.step("stdErr"))
      ), k2.on("error", Mn(w2, o2)), s && (o2("Passing child process stdOut/stdErr to custom outputHandler"), s(n, k2.stdout, k2.stderr, [...r2])), this._plugins.exec("spawn.after", void 0, {
        ...this.taskContext(e, r2),
        spawned: k2,
        close(C2, Te) {
          c3({
            stdOut: y2,
            stdErr: w2,
            exitCode: C2,
            rejection: T2 || Te
          });
        },
        kill(C2) {
          k2.killed || (T2 = C2, k2.kill("SIGINT"));
        }
      });
    });
  }
  _beforeSpawn(e, n) {
    let r2;
    return this._plugins.exec("spawn.before", void 0, {
      ...this.taskContext(e, n),
      kill(s) {
        r2 = s || r2;
      }
    }), r2;
  }
  taskContext(e, n) {
    return {
      method: String(Me(e.commands) || ""),
      commands: n,
      env: { ...this.env },
      input: kt(e) ? void 0 : e.input
    };
  }
};
function Mn(t2, e) {
  return (n) => {
    e("[ERROR] child process exception %o", n), t2.push(Buffer.from(String(n.stack), "ascii"));
  };
}
function Et(t2, e, n, r2) {
  return (s) => {
    n("%s received %L bytes", e, s), r2("%B", s), t2.push(s);
  };
}
var Dn = class {
  constructor(e, n, r2) {
    this.cwd = e, this._scheduler = n, this._plugins = r2, this._chain = this.chain();
  }
  chain() {
    return new Pn(this, this._scheduler, this._plugins);
  }
  push(e) {
    return this._chain.push(e);
  }
};
function Ln(t2, e, n = W2) {
  const r2 = (o2) => {
    n(null, o2);
  }, s = (o2) => {
    o2?.task === t2 && n(o2, void 0);
  };
  e.then(r2, s);
}
function St(t2, e) {
  return tn((n) => {
    if (!Lt(t2))
      throw new Error(`Git.cwd: cannot change to non-directory "${t2}"`);
    return (e || n).cwd = t2;
  });
}
function Q2(t2) {
  const e = ["checkout", ...t2];
  return e[1] === "-b" && e.includes("-B") && (e[1] = ct(e, "-B")), g(e);
}
function jn() {
  return {
    checkout() {
      return this._runTask(
        Q2(h2(arguments, 1)),
        u(arguments)
      );
    },
    checkoutBranch(t2, e) {
      return this._runTask(
        Q2(["-b", t2, e, ...h2(arguments)]),
        u(arguments)
      );
    },
    checkoutLocalBranch(t2) {
      return this._runTask(
        Q2(["-b", t2, ...h2(arguments)]),
        u(arguments)
      );
    }
  };
}
var Yt = (t2, e, n) => {
  const r2 = ["clone", ...n];
  return m(t2) && r2.push(c(t2)), m(e) && r2.push(c(e)), g(r2);
};
var Bn = (t2, e, n) => (S2(n, "--mirror"), Yt(t2, e, n));
function Rt(t2, e, n, ...r2) {
  return m(n) ? e(n, d(r2[0], m), h2(arguments)) : b2(`git.${t2}() requires a string 'repoPath'`);
}
function In() {
  return {
    clone(t2, ...e) {
      return this._runTask(
        Rt("clone", Yt, d(t2, m), ...e),
        u(arguments)
      );
    },
    mirror(t2, ...e) {
      return this._runTask(
        Rt("mirror", Bn, d(t2, m), ...e),
        u(arguments)
      );
    }
  };
}
var Un = [
  new l2(/^\[([^\s]+)( \([^)]+\))? ([^\]]+)/, (t2, [e, n, r2]) => {
    t2.branch = e, t2.commit = r2, t2.root = !!n;
  }),
  new l2(/\s*Author:\s(.+)/i, (t2, [e]) => {
    const n = e.split("<"), r2 = n.pop();
    !r2 || !r2.includes("@") || (t2.author = {
      email: r2.substr(0, r2.length - 1),
      name: n.join("<").trim()
    });
  }),
  new l2(
    /(\d+)[^,]*(?:,\s*(\d+)[^,]*)(?:,\s*(\d+))/g,
    (t2, [e, n, r2]) => {
      t2.summary.changes = parseInt(e, 10) || 0, t2.summary.insertions = parseInt(n, 10) || 0, t2.summary.deletions = parseInt(r2, 10) || 0;
    }
  ),
  new l2(
    /^(\d+)[^,]*(?:,\s*(\d+)[^(]+\(([+-]))?/,
    (t2, [e, n, r2]) => {
      t2.summary.changes = parseInt(e, 10) || 0;
      const s = parseInt(n, 10) || 0;
      r2 === "-" ? t2.summary.deletions = s : r2 === "+" && (t2.summary.insertions = s);
    }
  )
];
function Fn(t2) {
  return E2({
    author: null,
    branch: "",
    commit: "",
    root: false,
    summary: {
      changes: 0,
      insertions: 0,
      deletions: 0
    }
  }, Un, t2);
}
function Gn(t2, e, n) {
  return {
    commands: [
      "-c",
      "core.abbrev=40",
      "commit",
      ...U(t2, "-m"),
      ...e,
      ...n
    ],
    format: "utf-8",
    parser: Fn
  };
}
function zn() {
  return {
    commit(e, ...n) {
      const r2 = u(arguments), s = t2(e) || Gn(
        v(e),
        v(d(n[0], G2, [])),
        [
          ...L2(d(n[1], K2, [])),
          ...h2(arguments, 0, true)
        ]
      );
      return this._runTask(s, r2);
    }
  };
  function t2(e) {
    return !G2(e) && b2(
      "git.commit: requires the commit message to be supplied as a string/string[]"
    );
  }
}
function qn() {
  return {
    count: 0,
    garbage: 0,
    inPack: 0,
    packs: 0,
    prunePackable: 0,
    size: 0,
    sizeGarbage: 0,
    sizePack: 0
  };
}
var Wn = new l2(
  /([a-z-]+): (\d+)$/,
  (t2, [e, n]) => {
    const r2 = jt(e);
    Object.hasOwn(t2, r2) && (t2[r2] = p(n));
  }
);
function Hn() {
  return {
    countObjects() {
      return this._runTask({
        commands: ["count-objects", "--verbose"],
        format: "utf-8",
        parser(t2) {
          return E2(qn(), [Wn], t2);
        }
      });
    }
  };
}
function Kn() {
  return {
    firstCommit() {
      return this._runTask(
        g(["rev-list", "--max-parents=0", "HEAD"], true),
        u(arguments)
      );
    }
  };
}
function Vn(t2, e) {
  const n = ["hash-object", t2];
  return e && n.push("-w"), g(n, true);
}
var J2 = class {
  constructor(e, n, r2, s) {
    this.bare = e, this.path = n, this.existing = r2, this.gitDir = s;
  }
};
var Xn = /^Init.+ repository in (.+)$/;
var Yn = /^Rein.+ in (.+)$/;
function Qn(t2, e, n) {
  const r2 = String(n).trim();
  let s;
  if (s = Xn.exec(r2))
    return new J2(t2, e, false, s[1]);
  if (s = Yn.exec(r2))
    return new J2(t2, e, true, s[1]);
  let o2 = "";
  const i = r2.split(" ");
  for (; i.length; )
    if (i.shift() === "in") {
      o2 = i.join(" ");
      break;
    }
  return new J2(t2, e, /^re/i.test(r2), o2);
}
var Qt = "--bare";
function Jn(t2) {
  return t2.includes(Qt);
}
function Zn(t2 = false, e, n) {
  const r2 = ["init", ...n];
  return t2 && !Jn(r2) && r2.splice(1, 0, Qt), {
    commands: r2,
    format: "utf-8",
    parser(s) {
      return Qn(r2.includes("--bare"), e, s);
    }
  };
}
function tr(t2) {
  return t2 === void 0 ? b2("interpretTrailers called without input content") : {
    format: "utf-8",
    parser(e) {
      return Object.fromEntries(
        ut(e, (n) => {
          const r2 = n.indexOf(":");
          return [
            jt(n.substring(0, r2).toLowerCase()),
            n.substring(r2 + 2).trim()
          ];
        })
      );
    },
    commands: ["interpret-trailers", "--parse"],
    input: t2
  };
}
function er() {
  return {
    interpretTrailers(t2) {
      return this._runTask(
        tr(d(t2, Be)),
        u(arguments)
      );
    }
  };
}
var R2 = /* @__PURE__ */ ((t2) => (t2.NONE = "", t2.STAT = "--stat", t2.NUM_STAT = "--numstat", t2.NAME_ONLY = "--name-only", t2.NAME_STATUS = "--name-status", t2))(R2 || {});
var Jt = /^--(stat|numstat|name-only|name-status)(=|$)/;
function pt(t2) {
  for (let e = 0; e < t2.length; e++) {
    const n = Jt.exec(t2[e]);
    if (n)
      return `--${n[1]}`;
  }
  return "";
}
function nr(t2) {
  return Jt.test(t2);
}
var rr = class {
  constructor() {
    this.changed = 0, this.deletions = 0, this.insertions = 0, this.files = [];
  }
};
var Ot = [
  new l2(
    /^(.+)\s+\|\s+(\d+)(\s+[+\-]+)?$/,
    (t2, [e, n, r2 = ""]) => {
      t2.files.push({
        file: e.trim(),
        changes: p(n),
        insertions: r2.replace(/[^+]/g, "").length,
        deletions: r2.replace(/[^-]/g, "").length,
        binary: false
      });
    }
  ),
  new l2(
    /^(.+) \|\s+Bin ([0-9.]+) -> ([0-9.]+) ([a-z]+)/,
    (t2, [e, n, r2]) => {
      t2.files.push({
        file: e.trim(),
        before: p(n),
        after: p(r2),
        binary: true
      });
    }
  ),
  new l2(/^(.+)\s+\|\s+Bin\s*$/, (t2, [e]) => {
    t2.files.push({
      file: e.trim(),
      before: 0,
      after: 0,
      binary: true
    });
  }),
  new l2(
    /(\d+) files? changed\s*((?:, \d+ [^,]+){0,2})/,
    (t2, [e, n]) => {
      const r2 = /(\d+) i/.exec(n), s = /(\d+) d/.exec(n);
      t2.changed = p(e), t2.insertions = p(r2?.[1]), t2.deletions = p(s?.[1]);
    }
  )
];
var sr = [
  new l2(
    /(\d+)\t(\d+)\t(.+)$/,
    (t2, [e, n, r2]) => {
      const s = p(e), o2 = p(n);
      t2.changed++, t2.insertions += s, t2.deletions += o2, t2.files.push({
        file: r2,
        changes: s + o2,
        insertions: s,
        deletions: o2,
        binary: false
      });
    }
  ),
  new l2(/-\t-\t(.+)$/, (t2, [e]) => {
    t2.changed++, t2.files.push({
      file: e,
      after: 0,
      before: 0,
      binary: true
    });
  })
];
var or = [
  new l2(/(.+)$/, (t2, [e]) => {
    t2.changed++, t2.files.push({
      file: e,
      changes: 0,
      insertions: 0,
      deletions: 0,
      binary: false
    });
  })
];
var ir = [
  new l2(
    /([ACDMRTUXB])([0-9]{0,3})\t(.[^\t]*)(\t(.[^\t]*))?$/,
    (t2, [e, n, r2, s, o2]) => {
      t2.changed++, t2.files.push({
        file: o2 ?? r2,
        changes: 0,
        insertions: 0,
        deletions: 0,
        binary: false,
        status: bt(_n(e) && e),
        from: bt(!!o2 && r2 !== o2 && r2),
        similarity: p(n)
      });
    }
  )
];
var ar = {
  [R2.NONE]: Ot,
  [R2.STAT]: Ot,
  [R2.NUM_STAT]: sr,
  [R2.NAME_STATUS]: ir,
  [R2.NAME_ONLY]: or
};
function Zt(t2 = R2.NONE) {
  const e = ar[t2];
  return (n) => E2(new rr(), e, n, false);
}
var te = "\xF2\xF2\xF2\xF2\xF2\xF2 ";
var ee2 = " \xF2\xF2";
var ne2 = " \xF2 ";
var ur = ["hash", "date", "message", "refs", "author_name", "author_email"];
function cr(t2, e) {
  return e.reduce(
    (n, r2, s) => (n[r2] = t2[s] || "", n),
    /* @__PURE__ */ Object.create({ diff: null })
  );
}
function re(t2 = ne2, e = ur, n = R2.NONE) {
  const r2 = Zt(n);
  return function(s) {
    const o2 = H2(
      s.trim(),
      false,
      te
    ).map(function(i) {
      const a = i.split(ee2), c3 = cr(a[0].split(t2), e);
      return a.length > 1 && a[1].trim() && (c3.diff = r2(a[1])), c3;
    });
    return {
      all: o2,
      latest: o2.length && o2[0] || null,
      total: o2.length
    };
  };
}
function fr(t2) {
  let e = pt(t2);
  const n = ["diff"];
  return e === R2.NONE && (e = R2.STAT, n.push("--stat=4096")), n.push(...t2), dt(n) || {
    commands: n,
    format: "utf-8",
    parser: Zt(e)
  };
}
function dt(t2) {
  const e = t2.filter(nr);
  if (e.length > 1)
    return b2(
      `Summary flags are mutually exclusive - pick one of ${e.join(",")}`
    );
  if (e.length && t2.includes("-z"))
    return b2(
      `Summary flag ${e} parsing is not compatible with null termination option '-z'`
    );
}
var se = /* @__PURE__ */ ((t2) => (t2[t2["--pretty"] = 0] = "--pretty", t2[t2["max-count"] = 1] = "max-count", t2[t2.maxCount = 2] = "maxCount", t2[t2.n = 3] = "n", t2[t2.file = 4] = "file", t2[t2.format = 5] = "format", t2[t2.from = 6] = "from", t2[t2.to = 7] = "to", t2[t2.splitter = 8] = "splitter", t2[t2.symmetric = 9] = "symmetric", t2[t2.mailMap = 10] = "mailMap", t2[t2.multiLine = 11] = "multiLine", t2[t2.strictDate = 12] = "strictDate", t2))(se || {});
function lr(t2, e) {
  const n = [], r2 = [];
  return Object.keys(t2).forEach((s) => {
    n.push(s), r2.push(String(t2[s]));
  }), [n, r2.join(e)];
}
function hr(t2) {
  return Object.keys(t2).reduce((e, n) => (n in se || (e[n] = t2[n]), e), {});
}
function oe2(t2 = {}, e = []) {
  const n = d(t2.splitter, m, ne2), r2 = lt(t2.format) ? t2.format : {
    hash: "%H",
    date: t2.strictDate === false ? "%ai" : "%aI",
    message: "%s",
    refs: "%D",
    body: t2.multiLine ? "%B" : "%b",
    author_name: t2.mailMap !== false ? "%aN" : "%an",
    author_email: t2.mailMap !== false ? "%aE" : "%ae"
  }, [s, o2] = lr(r2, n), i = [], a = [
    `--pretty=format:${te}${o2}${ee2}`,
    ...e
  ], c3 = t2.n || t2["max-count"] || t2.maxCount;
  if (c3 && a.push(`--max-count=${c3}`), t2.from || t2.to) {
    const y2 = t2.symmetric !== false ? "..." : "..";
    i.push(`${t2.from || ""}${y2}${t2.to || ""}`);
  }
  return m(t2.file) && a.push("--follow", c(t2.file)), It(hr(t2), a), {
    fields: s,
    splitter: n,
    commands: [...a, ...i]
  };
}
function mr(t2, e, n) {
  const r2 = re(t2, e, pt(n));
  return {
    commands: ["log", ...n],
    format: "utf-8",
    parser: r2
  };
}
function pr() {
  return {
    log(...n) {
      const r2 = u(arguments), s = oe2(
        ht(arguments),
        L2(d(arguments[0], K2, []))
      ), o2 = e(...n) || dt(s.commands) || t2(s);
      return this._runTask(o2, r2);
    }
  };
  function t2(n) {
    return mr(n.splitter, n.fields, n.commands);
  }
  function e(n, r2) {
    return m(n) && m(r2) && b2(
      "git.log(string, string) should be replaced with git.log({ from: string, to: string })"
    );
  }
}
var Z2 = class {
  constructor(e, n = null, r2) {
    this.reason = e, this.file = n, this.meta = r2;
  }
  toString() {
    return `${this.file}:${this.reason}`;
  }
};
var dr = class {
  constructor() {
    this.conflicts = [], this.merges = [], this.result = "success";
  }
  get failed() {
    return this.conflicts.length > 0;
  }
  get reason() {
    return this.result;
  }
  toString() {
    return this.conflicts.length ? `CONFLICTS: ${this.conflicts.join(", ")}` : "OK";
  }
};
var ie = class {
  constructor() {
    this.remoteMessages = {
      all: []
    }, this.created = [], this.deleted = [], this.files = [], this.deletions = {}, this.insertions = {}, this.summary = {
      changes: 0,
      deletions: 0,
      insertions: 0
    };
  }
};
var gr = class {
  constructor() {
    this.remote = "", this.hash = {
      local: "",
      remote: ""
    }, this.branch = {
      local: "",
      remote: ""
    }, this.message = "";
  }
  toString() {
    return this.message;
  }
};
function tt(t2) {
  return t2.objects = t2.objects || {
    compressing: 0,
    counting: 0,
    enumerating: 0,
    packReused: 0,
    reused: { count: 0, delta: 0 },
    total: { count: 0, delta: 0 }
  };
}
function Ct(t2) {
  const e = /^\s*(\d+)/.exec(t2), n = /delta (\d+)/i.exec(t2);
  return {
    count: p(e && e[1] || "0"),
    delta: p(n && n[1] || "0")
  };
}
var yr = [
  new x2(
    /^remote:\s*(enumerating|counting|compressing) objects: (\d+),/i,
    (t2, [e, n]) => {
      const r2 = e.toLowerCase(), s = tt(t2.remoteMessages);
      Object.assign(s, { [r2]: p(n) });
    }
  ),
  new x2(
    /^remote:\s*(enumerating|counting|compressing) objects: \d+% \(\d+\/(\d+)\),/i,
    (t2, [e, n]) => {
      const r2 = e.toLowerCase(), s = tt(t2.remoteMessages);
      Object.assign(s, { [r2]: p(n) });
    }
  ),
  new x2(
    /total ([^,]+), reused ([^,]+), pack-reused (\d+)/i,
    (t2, [e, n, r2]) => {
      const s = tt(t2.remoteMessages);
      s.total = Ct(e), s.reused = Ct(n), s.packReused = p(r2);
    }
  )
];
var wr = [
  new x2(/^remote:\s*(.+)$/, (t2, [e]) => (t2.remoteMessages.all.push(e.trim()), false)),
  ...yr,
  new x2(
    [/create a (?:pull|merge) request/i, /\s(https?:\/\/\S+)$/],
    (t2, [e]) => {
      t2.remoteMessages.pullRequestUrl = e;
    }
  ),
  new x2(
    [/found (\d+) vulnerabilities.+\(([^)]+)\)/i, /\s(https?:\/\/\S+)$/],
    (t2, [e, n, r2]) => {
      t2.remoteMessages.vulnerabilities = {
        count: p(e),
        summary: n,
        url: r2
      };
    }
  )
];
function ae(t2, e) {
  return E2({ remoteMessages: new br() }, wr, e);
}
var br = class {
  constructor() {
    this.all = [];
  }
};
var Tr = /^\s*(.+?)\s+\|\s+\d+\s*(\+*)(-*)/;
var kr = /(\d+)\D+((\d+)\D+\(\+\))?(\D+(\d+)\D+\(-\))?/;
var _r = /^(create|delete) mode \d+ (.+)/;
var vr = [
  new l2(Tr, (t2, [e, n, r2]) => {
    t2.files.push(e), n && (t2.insertions[e] = n.length), r2 && (t2.deletions[e] = r2.length);
  }),
  new l2(kr, (t2, [e, , n, , r2]) => n !== void 0 || r2 !== void 0 ? (t2.summary.changes = +e || 0, t2.summary.insertions = +n || 0, t2.summary.deletions = +r2 || 0, true) : false),
  new l2(_r, (t2, [e, n]) => {
    S2(t2.files, n), S2(e === "create" ? t2.created : t2.deleted, n);
  })
];
var Er = [
  new l2(/^from\s(.+)$/i, (t2, [e]) => {
    t2.remote = e;
  }),
  new l2(/^fatal:\s(.+)$/, (t2, [e]) => {
    t2.message = e;
  }),
  new l2(
    /([a-z0-9]+)\.\.([a-z0-9]+)\s+(\S+)\s+->\s+(\S+)$/,
    (t2, [e, n, r2, s]) => {
      t2.branch.local = r2, t2.hash.local = e, t2.branch.remote = s, t2.hash.remote = n;
    }
  )
];
var Sr = (t2, e) => E2(new ie(), vr, [t2, e]);
var ue = (t2, e) => Object.assign(
  new ie(),
  Sr(t2, e),
  ae(t2, e)
);
function Rr(t2, e) {
  const n = E2(new gr(), Er, [t2, e]);
  return n.message && n;
}
var Or = [
  new l2(/^Auto-merging\s+(.+)$/, (t2, [e]) => {
    t2.merges.push(e);
  }),
  new l2(/^CONFLICT\s+\((.+)\): Merge conflict in (.+)$/, (t2, [e, n]) => {
    t2.conflicts.push(new Z2(e, n));
  }),
  new l2(
    /^CONFLICT\s+\((.+\/delete)\): (.+) deleted in (.+) and/,
    (t2, [e, n, r2]) => {
      t2.conflicts.push(new Z2(e, n, { deleteRef: r2 }));
    }
  ),
  new l2(/^CONFLICT\s+\((.+)\):/, (t2, [e]) => {
    t2.conflicts.push(new Z2(e, null));
  }),
  new l2(/^Automatic merge failed;\s+(.+)$/, (t2, [e]) => {
    t2.result = e;
  })
];
var Cr = (t2, e) => Object.assign(Ar(t2), ue(t2, e));
var Ar = (t2) => E2(new dr(), Or, t2);
function At(t2) {
  return t2.length ? {
    commands: ["merge", ...t2],
    format: "utf-8",
    parser(e, n) {
      const r2 = Cr(e, n);
      if (r2.failed)
        throw new at(r2);
      return r2;
    }
  } : b2("Git.merge requires at least one option");
}
function xr(t2, e, n) {
  const r2 = n.includes("deleted"), s = n.includes("tag") || /^refs\/tags/.test(t2), o2 = !n.includes("new");
  return {
    deleted: r2,
    tag: s,
    branch: !s,
    new: !o2,
    alreadyUpdated: o2,
    local: t2,
    remote: e
  };
}
var Nr = [
  new l2(/^Pushing to (.+)$/, (t2, [e]) => {
    t2.repo = e;
  }),
  new l2(/^updating local tracking ref '(.+)'/, (t2, [e]) => {
    t2.ref = {
      ...t2.ref || {},
      local: e
    };
  }),
  new l2(/^[=*-]\s+([^:]+):(\S+)\s+\[(.+)]$/, (t2, [e, n, r2]) => {
    t2.pushed.push(xr(e, n, r2));
  }),
  new l2(
    /^Branch '([^']+)' set up to track remote branch '([^']+)' from '([^']+)'/,
    (t2, [e, n, r2]) => {
      t2.branch = {
        ...t2.branch || {},
        local: e,
        remote: n,
        remoteName: r2
      };
    }
  ),
  new l2(
    /^([^:]+):(\S+)\s+([a-z0-9]+)\.\.([a-z0-9]+)$/,
    (t2, [e, n, r2, s]) => {
      t2.update = {
        head: {
          local: e,
          remote: n
        },
        hash: {
          from: r2,
          to: s
        }
      };
    }
  )
];
var $r = (t2, e) => {
  const n = Pr(t2, e), r2 = ae(t2, e);
  return {
    ...n,
    ...r2
  };
};
var Pr = (t2, e) => E2({ pushed: [] }, Nr, [t2, e]);
function Mr(t2 = {}, e) {
  return S2(e, "--tags"), ce(t2, e);
}
function ce(t2 = {}, e) {
  const n = ["push", ...e];
  return t2.branch && n.splice(1, 0, t2.branch), t2.remote && n.splice(1, 0, t2.remote), ct(n, "-v"), S2(n, "--verbose"), S2(n, "--porcelain"), {
    commands: n,
    format: "utf-8",
    parser: $r
  };
}
function Dr() {
  return {
    showBuffer() {
      const t2 = ["show", ...h2(arguments, 1)];
      return t2.includes("--binary") || t2.splice(1, 0, "--binary"), this._runTask(
        Gt(t2),
        u(arguments)
      );
    },
    show() {
      const t2 = ["show", ...h2(arguments, 1)];
      return this._runTask(
        g(t2),
        u(arguments)
      );
    }
  };
}
var Lr = /^(.+)\0(.+)$/;
var jr = class {
  constructor(e, n, r2) {
    if (this.path = e, this.index = n, this.working_dir = r2, n === "R" || r2 === "R") {
      const s = Lr.exec(e) || [null, e, e];
      this.from = s[2] || "", this.path = s[1] || "";
    }
  }
};
var Br = class {
  constructor() {
    this.not_added = [], this.conflicted = [], this.created = [], this.deleted = [], this.ignored = void 0, this.modified = [], this.renamed = [], this.files = [], this.staged = [], this.ahead = 0, this.behind = 0, this.current = null, this.tracking = null, this.detached = false, this.isClean = () => !this.files.length;
  }
};
function xt(t2) {
  const [e, n] = t2.split(I2);
  return {
    from: n || e,
    to: e
  };
}
function _2(t2, e, n) {
  return [`${t2}${e}`, n];
}
function et(t2, ...e) {
  return e.map((n) => _2(t2, n, (r2, s) => r2.conflicted.push(s)));
}
var Ir = new Map([
  _2(
    " ",
    "A",
    (t2, e) => t2.created.push(e)
  ),
  _2(
    " ",
    "D",
    (t2, e) => t2.deleted.push(e)
  ),
  _2(
    " ",
    "M",
    (t2, e) => t2.modified.push(e)
  ),
  _2("A", " ", (t2, e) => {
    t2.created.push(e), t2.staged.push(e);
  }),
  _2("A", "M", (t2, e) => {
    t2.created.push(e), t2.staged.push(e), t2.modified.push(e);
  }),
  _2("D", " ", (t2, e) => {
    t2.deleted.push(e), t2.staged.push(e);
  }),
  _2("M", " ", (t2, e) => {
    t2.modified.push(e), t2.staged.push(e);
  }),
  _2("M", "M", (t2, e) => {
    t2.modified.push(e), t2.staged.push(e);
  }),
  _2("R", " ", (t2, e) => {
    t2.renamed.push(xt(e));
  }),
  _2("R", "M", (t2, e) => {
    const n = xt(e);
    t2.renamed.push(n), t2.modified.push(n.to);
  }),
  _2("!", "!", (t2, e) => {
    (t2.ignored = t2.ignored || []).push(e);
  }),
  _2(
    "?",
    "?",
    (t2, e) => t2.not_added.push(e)
  ),
  ...et(
    "A",
    "A",
    "U"
    /* UNMERGED */
  ),
  ...et(
    "D",
    "D",
    "U"
    /* UNMERGED */
  ),
  ...et(
    "U",
    "A",
    "D",
    "U"
    /* UNMERGED */
  ),
  [
    "##",
    (t2, e) => {
      const n = /ahead (\d+)/, r2 = /behind (\d+)/, s = /^(.+?(?=(?:\.{3}|\s|$)))/, o2 = /\.{3}(\S*)/, i = /\son\s(\S+?)(?=\.{3}|$)/;
      let a = n.exec(e);
      t2.ahead = a && +a[1] || 0, a = r2.exec(e), t2.behind = a && +a[1] || 0, a = s.exec(e), t2.current = d(a?.[1], m, null), a = o2.exec(e), t2.tracking = d(a?.[1], m, null), a = i.exec(e), a && (t2.current = d(a?.[1], m, t2.current)), t2.detached = /\(no branch\)/.test(e);
    }
  ]
]);
var Ur = function(t2) {
  const e = t2.split(I2), n = new Br();
  for (let r2 = 0, s = e.length; r2 < s; ) {
    let o2 = e[r2++].trim();
    o2 && (o2.charAt(0) === "R" && (o2 += I2 + (e[r2++] || "")), Fr(n, o2));
  }
  return n;
};
function Fr(t2, e) {
  const n = e.trim();
  switch (" ") {
    case n.charAt(2):
      return r2(n.charAt(0), n.charAt(1), n.slice(3));
    case n.charAt(1):
      return r2(" ", n.charAt(0), n.slice(2));
    default:
      return;
  }
  function r2(s, o2, i) {
    const a = `${s}${o2}`, c3 = Ir.get(a);
    c3 && c3(t2, i), a !== "##" && a !== "!!" && t2.files.push(new jr(i, s, o2));
  }
}
var Gr = ["--null", "-z"];
function zr(t2) {
  return {
    format: "utf-8",
    commands: [
      "status",
      "--porcelain",
      "-b",
      "-u",
      "--null",
      ...t2.filter((n) => !Gr.includes(n))
    ],
    parser(n) {
      return Ur(n);
    }
  };
}
var fe = "installed=false";
function q2(t2 = 0, e = 0, n = 0, r2 = "", s = true) {
  return Object.defineProperty(
    {
      major: t2,
      minor: e,
      patch: n,
      agent: r2,
      installed: s
    },
    "toString",
    {
      value() {
        return `${this.major}.${this.minor}.${this.patch}`;
      },
      configurable: false,
      enumerable: false
    }
  );
}
function qr() {
  return q2(0, 0, 0, "", false);
}
function Wr() {
  return {
    version() {
      return this._runTask({
        commands: ["--version"],
        format: "utf-8",
        parser: Kr,
        onError(t2, e, n, r2) {
          if (t2.exitCode === V2.NOT_FOUND)
            return n(Buffer.from(fe));
          r2(e);
        }
      });
    }
  };
}
var Hr = [
  new l2(
    /version (\d+)\.(\d+)\.(\d+)(?:\s*\((.+)\))?/,
    (t2, [e, n, r2, s = ""]) => {
      Object.assign(
        t2,
        q2(p(e), p(n), p(r2), s)
      );
    }
  ),
  new l2(
    /version (\d+)\.(\d+)\.(\D+)(.+)?$/,
    (t2, [e, n, r2, s = ""]) => {
      Object.assign(t2, q2(p(e), p(n), r2, s));
    }
  )
];
function Kr(t2) {
  return t2 === fe ? qr() : E2(q2(0, 0, 0, t2), Hr, t2);
}
var le = class {
  constructor(e) {
    this._executor = e;
  }
  _runTask(e, n) {
    const r2 = this._executor.chain(), s = r2.push(e);
    return n && Ln(e, s, n), Object.create(this, {
      then: { value: s.then.bind(s) },
      catch: { value: s.catch.bind(s) },
      _executor: { value: r2 }
    });
  }
  add(e) {
    return this._runTask(
      g(["add", ...v(e)]),
      u(arguments)
    );
  }
  cwd(e) {
    const n = u(arguments);
    return typeof e == "string" ? this._runTask(St(e, this._executor), n) : typeof e?.path == "string" ? this._runTask(
      St(
        e.path,
        e.root && this._executor || void 0
      ),
      n
    ) : this._runTask(
      b2("Git.cwd: workingDirectory must be supplied as a string"),
      n
    );
  }
  hashObject(e, n) {
    return this._runTask(
      Vn(e, n === true),
      u(arguments)
    );
  }
  init(e) {
    return this._runTask(
      Zn(e === true, this._executor.cwd, h2(arguments)),
      u(arguments)
    );
  }
  merge() {
    return this._runTask(
      At(h2(arguments)),
      u(arguments)
    );
  }
  mergeFromTo(e, n) {
    return m(e) && m(n) ? this._runTask(
      At([e, n, ...h2(arguments)]),
      u(arguments, false)
    ) : this._runTask(
      b2(
        "Git.mergeFromTo requires that the 'remote' and 'branch' arguments are supplied as strings"
      )
    );
  }
  outputHandler(e) {
    return this._executor.outputHandler = e, this;
  }
  push() {
    const e = ce(
      {
        remote: d(arguments[0], m),
        branch: d(arguments[1], m)
      },
      h2(arguments)
    );
    return this._runTask(e, u(arguments));
  }
  stash() {
    return this._runTask(
      g(["stash", ...h2(arguments)]),
      u(arguments)
    );
  }
  status() {
    return this._runTask(
      zr(h2(arguments)),
      u(arguments)
    );
  }
};
Object.assign(
  le.prototype,
  jn(),
  In(),
  zn(),
  Tn(),
  Hn(),
  Kn(),
  On(),
  er(),
  pr(),
  Dr(),
  Wr()
);
var Vr = /* @__PURE__ */ (() => {
  let t2 = 0;
  return () => {
    t2++;
    const { promise: e, done: n } = (0, import_promise_deferred.createDeferred)();
    return {
      promise: e,
      done: n,
      id: t2
    };
  };
})();
var Xr = class {
  constructor(e = 2) {
    this.concurrency = e, this.logger = $2("", "scheduler"), this.pending = [], this.running = [], this.logger("Constructed, concurrency=%s", e);
  }
  schedule() {
    if (!this.pending.length || this.running.length >= this.concurrency) {
      this.logger(
        "Schedule attempt ignored, pending=%s running=%s concurrency=%s",
        this.pending.length,
        this.running.length,
        this.concurrency
      );
      return;
    }
    const e = S2(this.running, this.pending.shift());
    this.logger("Attempting id=%s", e.id), e.done(() => {
      this.logger("Completing id=", e.id), ct(this.running, e), this.schedule();
    });
  }
  next() {
    const { promise: e, id: n } = S2(this.pending, Vr());
    return this.logger("Scheduling id=%s", n), this.schedule(), e;
  }
};
function Yr(t2, e) {
  return g(["apply", ...e, ...t2]);
}
var he = /* @__PURE__ */ ((t2) => (t2.CURRENT = "*", t2.LINKED = "+", t2))(he || {});
var Qr = class {
  constructor() {
    this.all = [], this.branches = {}, this.current = "", this.detached = false;
  }
  push(e, n, r2, s, o2) {
    e === "*" && (this.detached = n, this.current = r2), this.all.push(r2), this.branches[r2] = {
      current: e === "*",
      linkedWorkTree: e === "+",
      name: r2,
      commit: s,
      label: o2
    };
  }
};
var Jr = [
  new l2(
    /^([*+]\s)?\((?:HEAD )?detached (?:from|at) (\S+)\)\s+([a-z0-9]+)\s(.*)$/,
    (t2, [e, n, r2, s]) => {
      t2.push(Nt(e), true, n, r2, s);
    }
  ),
  new l2(
    /^([*+]\s)?(\S+)\s+([a-z0-9]+)\s?(.*)$/s,
    (t2, [e, n, r2, s]) => {
      t2.push(Nt(e), false, n, r2, s);
    }
  )
];
var Zr = new l2(/^(\S+)$/s, (t2, [e]) => {
  t2.push(he.CURRENT, false, e, "", "");
});
function Nt(t2) {
  return t2 ? t2.charAt(0) : "";
}
function me(t2, e = false) {
  return E2(
    new Qr(),
    e ? [Zr] : Jr,
    t2
  );
}
var ts = class {
  constructor() {
    this.all = [], this.branches = {}, this.errors = [];
  }
  get success() {
    return !this.errors.length;
  }
};
function es(t2, e) {
  return {
    branch: t2,
    hash: e,
    success: true
  };
}
function ns(t2) {
  return {
    branch: t2,
    hash: null,
    success: false
  };
}
var rs = /(\S+)\s+\(\S+\s([^)]+)\)/;
var pe = /^error[^']+'([^']+)'/m;
var ss = [
  new l2(rs, (t2, [e, n]) => {
    const r2 = es(e, n);
    t2.all.push(r2), t2.branches[e] = r2;
  }),
  new l2(pe, (t2, [e]) => {
    const n = ns(e);
    t2.errors.push(n), t2.all.push(n), t2.branches[e] = n;
  })
];
var gt = (t2, e) => E2(new ts(), ss, [t2, e]);
function de(t2, e) {
  return e === V2.ERROR && pe.test(t2);
}
function os(t2) {
  const e = ["-d", "-D", "--delete"];
  return t2.some((n) => e.includes(n));
}
function is(t2) {
  const e = os(t2), n = t2.includes("--show-current"), r2 = ["branch", ...t2];
  return r2.length === 1 && r2.push("-a"), r2.includes("-v") || r2.splice(1, 0, "-v"), {
    format: "utf-8",
    commands: r2,
    parser(s, o2) {
      return e ? gt(s, o2).all[0] : me(s, n);
    }
  };
}
function as() {
  return {
    format: "utf-8",
    commands: ["branch", "-v"],
    parser(t2) {
      return me(t2);
    }
  };
}
function us(t2, e = false) {
  return {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", ...t2],
    parser(n, r2) {
      return gt(n, r2);
    },
    onError({ exitCode: n, stdOut: r2 }, s, o2, i) {
      if (!de(String(s), n))
        return i(s);
      o2(r2);
    }
  };
}
function cs(t2, e = false) {
  const n = {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", t2],
    parser(r2, s) {
      return gt(r2, s).branches[t2];
    },
    onError({ exitCode: r2, stdErr: s, stdOut: o2 }, i, a, c3) {
      if (!de(String(i), r2))
        return c3(i);
      throw new at(
        n.parser(F2(o2), F2(s)),
        String(i)
      );
    }
  };
  return n;
}
function fs(t2) {
  return {
    commands: ["check-ignore", ...t2],
    format: "utf-8",
    parser: ls
  };
}
function ls(t2) {
  return t2.split(/\n/g).map(hs).filter(Boolean);
}
function hs(t2) {
  const e = t2.trim().replace(/^["']|["']$/g, "");
  return e && Se(e);
}
var ms3 = [
  new l2(/From (.+)$/, (t2, [e]) => {
    t2.remote = e;
  }),
  new l2(/\* \[new branch]\s+(\S+)\s*-> (.+)$/, (t2, [e, n]) => {
    t2.branches.push({
      name: e,
      tracking: n
    });
  }),
  new l2(/\* \[new tag]\s+(\S+)\s*-> (.+)$/, (t2, [e, n]) => {
    t2.tags.push({
      name: e,
      tracking: n
    });
  }),
  new l2(/- \[deleted]\s+\S+\s*-> (.+)$/, (t2, [e]) => {
    t2.deleted.push({
      tracking: e
    });
  }),
  new l2(
    /\s*([^.]+)\.\.(\S+)\s+(\S+)\s*-> (.+)$/,
    (t2, [e, n, r2, s]) => {
      t2.updated.push({
        name: r2,
        tracking: s,
        to: n,
        from: e
      });
    }
  )
];
function ps(t2, e) {
  return E2({
    raw: t2,
    remote: null,
    branches: [],
    tags: [],
    updated: [],
    deleted: []
  }, ms3, [t2, e]);
}
function ds(t2) {
  return /^--upload-pack(=|$)/.test(t2);
}
function gs(t2, e, n) {
  const r2 = ["fetch", ...n];
  return t2 && e && r2.push(t2, e), r2.find(ds) ? b2("git.fetch: potential exploit argument blocked.") : {
    commands: r2,
    format: "utf-8",
    parser: ps
  };
}
var ys = [
  new l2(/^Renaming (.+) to (.+)$/, (t2, [e, n]) => {
    t2.moves.push({ from: e, to: n });
  })
];
function ws(t2) {
  return E2({ moves: [] }, ys, t2);
}
function bs(t2, e) {
  return {
    commands: ["mv", "-v", ...v(t2), e],
    format: "utf-8",
    parser: ws
  };
}
function Ts(t2, e, n) {
  const r2 = ["pull", ...n];
  return t2 && e && r2.splice(1, 0, t2, e), {
    commands: r2,
    format: "utf-8",
    parser(s, o2) {
      return ue(s, o2);
    },
    onError(s, o2, i, a) {
      const c3 = Rr(
        F2(s.stdOut),
        F2(s.stdErr)
      );
      if (c3)
        return a(new at(c3));
      a(o2);
    }
  };
}
function ks(t2) {
  const e = {};
  return ge(t2, ([n]) => e[n] = { name: n }), Object.values(e);
}
function _s(t2) {
  const e = {};
  return ge(t2, ([n, r2, s]) => {
    Object.hasOwn(e, n) || (e[n] = {
      name: n,
      refs: { fetch: "", push: "" }
    }), s && r2 && (e[n].refs[s.replace(/[^a-z]/g, "")] = r2);
  }), Object.values(e);
}
function ge(t2, e) {
  ut(t2, (n) => e(n.split(/\s+/)));
}
function vs(t2, e, n) {
  return g(["remote", "add", ...n, t2, e]);
}
function Es(t2) {
  const e = ["remote"];
  return t2 && e.push("-v"), {
    commands: e,
    format: "utf-8",
    parser: t2 ? _s : ks
  };
}
function Ss(t2) {
  const e = [...t2];
  return e[0] !== "ls-remote" && e.unshift("ls-remote"), g(e);
}
function Rs(t2) {
  const e = [...t2];
  return e[0] !== "remote" && e.unshift("remote"), g(e);
}
function Os(t2) {
  return g(["remote", "remove", t2]);
}
function Cs(t2 = {}, e) {
  const n = oe2(t2), r2 = ["stash", "list", ...n.commands, ...e], s = re(
    n.splitter,
    n.fields,
    pt(r2)
  );
  return dt(r2) || {
    commands: r2,
    format: "utf-8",
    parser: s
  };
}
function As(t2, e) {
  return X2(["add", t2, e]);
}
function xs(t2) {
  return X2(["init", ...t2]);
}
function X2(t2) {
  const e = [...t2];
  return e[0] !== "submodule" && e.unshift("submodule"), g(e);
}
function Ns(t2) {
  return X2(["update", ...t2]);
}
var $s = class {
  constructor(e, n) {
    this.all = e, this.latest = n;
  }
};
var Ps = function(t2, e = false) {
  const n = t2.split(`
`).map(Ds).filter(Boolean);
  e || n.sort(function(s, o2) {
    const i = s.split("."), a = o2.split(".");
    if (i.length === 1 || a.length === 1)
      return Ms(B2(i[0]), B2(a[0]));
    for (let c3 = 0, y2 = Math.max(i.length, a.length); c3 < y2; c3++) {
      const w2 = ye(B2(i[c3]), B2(a[c3]));
      if (w2)
        return w2;
    }
    return 0;
  });
  const r2 = e ? n[0] : [...n].reverse().find((s) => s.indexOf(".") >= 0);
  return new $s(n, r2);
};
function Ms(t2, e) {
  const n = Number.isNaN(t2), r2 = Number.isNaN(e);
  return n !== r2 ? n ? 1 : -1 : n ? ye(t2, e) : 0;
}
function ye(t2, e) {
  return t2 === e ? 0 : t2 > e ? 1 : -1;
}
function Ds(t2) {
  return t2.trim();
}
function B2(t2) {
  return typeof t2 == "string" && parseInt(t2.replace(/^\D+/g, ""), 10) || 0;
}
function Ls(t2 = []) {
  const e = t2.some((n) => /^--sort=/.test(n));
  return {
    format: "utf-8",
    commands: ["tag", "-l", ...t2],
    parser(n) {
      return Ps(n, e);
    }
  };
}
function js2(t2) {
  return {
    format: "utf-8",
    commands: ["tag", t2],
    parser() {
      return { name: t2 };
    }
  };
}
function Bs(t2, e) {
  return {
    format: "utf-8",
    commands: ["tag", "-a", "-m", e, t2],
    parser() {
      return { name: t2 };
    }
  };
}
function f2(t2, e) {
  this._plugins = e, this._executor = new Dn(
    t2.baseDir,
    new Xr(t2.maxConcurrentProcesses),
    e
  ), this._trimmed = t2.trimmed;
}
(f2.prototype = Object.create(le.prototype)).constructor = f2;
f2.prototype.customBinary = function(t2) {
  return this._plugins.reconfigure("binary", t2), this;
};
f2.prototype.env = function(t2, e) {
  return arguments.length === 1 && typeof t2 == "object" ? this._executor.env = t2 : (this._executor.env = this._executor.env || {})[t2] = e, this;
};
f2.prototype.stashList = function(t2) {
  return this._runTask(
    Cs(
      ht(arguments) || {},
      K2(t2) && t2 || []
    ),
    u(arguments)
  );
};
f2.prototype.mv = function(t2, e) {
  return this._runTask(bs(t2, e), u(arguments));
};
f2.prototype.checkoutLatestTag = function(t2) {
  var e = this;
  return this.pull(function() {
    e.tags(function(n, r2) {
      e.checkout(r2.latest, t2);
    });
  });
};
f2.prototype.pull = function(t2, e, n, r2) {
  return this._runTask(
    Ts(
      d(t2, m),
      d(e, m),
      h2(arguments)
    ),
    u(arguments)
  );
};
f2.prototype.fetch = function(t2, e) {
  return this._runTask(
    gs(
      d(t2, m),
      d(e, m),
      h2(arguments)
    ),
    u(arguments)
  );
};
f2.prototype.tags = function(t2, e) {
  return this._runTask(
    Ls(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.rebase = function() {
  return this._runTask(
    g(["rebase", ...h2(arguments)]),
    u(arguments)
  );
};
f2.prototype.reset = function(t2) {
  return this._runTask(
    An(xn(t2), h2(arguments)),
    u(arguments)
  );
};
f2.prototype.revert = function(t2) {
  const e = u(arguments);
  return typeof t2 != "string" ? this._runTask(b2("Commit must be a string"), e) : this._runTask(
    g(["revert", ...h2(arguments, 0, true), t2]),
    e
  );
};
f2.prototype.addTag = function(t2) {
  const e = typeof t2 == "string" ? js2(t2) : b2("Git.addTag requires a tag name");
  return this._runTask(e, u(arguments));
};
f2.prototype.addAnnotatedTag = function(t2, e) {
  return this._runTask(
    Bs(t2, e),
    u(arguments)
  );
};
f2.prototype.deleteLocalBranch = function(t2, e, n) {
  return this._runTask(
    cs(t2, typeof e == "boolean" ? e : false),
    u(arguments)
  );
};
f2.prototype.deleteLocalBranches = function(t2, e, n) {
  return this._runTask(
    us(t2, typeof e == "boolean" ? e : false),
    u(arguments)
  );
};
f2.prototype.branch = function(t2, e) {
  return this._runTask(
    is(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.branchLocal = function(t2) {
  return this._runTask(as(), u(arguments));
};
f2.prototype.raw = function(t2) {
  const e = !Array.isArray(t2), n = [].slice.call(e ? arguments : t2, 0);
  for (let s = 0; s < n.length && e; s++)
    if (!st(n[s])) {
      n.splice(s, n.length - s);
      break;
    }
  n.push(...h2(arguments, 0, true));
  var r2 = u(arguments);
  return n.length ? this._runTask(g(n, this._trimmed), r2) : this._runTask(
    b2("Raw: must supply one or more command to execute"),
    r2
  );
};
f2.prototype.submoduleAdd = function(t2, e, n) {
  return this._runTask(As(t2, e), u(arguments));
};
f2.prototype.submoduleUpdate = function(t2, e) {
  return this._runTask(
    Ns(h2(arguments, true)),
    u(arguments)
  );
};
f2.prototype.submoduleInit = function(t2, e) {
  return this._runTask(
    xs(h2(arguments, true)),
    u(arguments)
  );
};
f2.prototype.subModule = function(t2, e) {
  return this._runTask(
    X2(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.listRemote = function() {
  return this._runTask(
    Ss(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.addRemote = function(t2, e, n) {
  return this._runTask(
    vs(t2, e, h2(arguments)),
    u(arguments)
  );
};
f2.prototype.removeRemote = function(t2, e) {
  return this._runTask(Os(t2), u(arguments));
};
f2.prototype.getRemotes = function(t2, e) {
  return this._runTask(Es(t2 === true), u(arguments));
};
f2.prototype.remote = function(t2, e) {
  return this._runTask(
    Rs(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.tag = function(t2, e) {
  const n = h2(arguments);
  return n[0] !== "tag" && n.unshift("tag"), this._runTask(g(n), u(arguments));
};
f2.prototype.updateServerInfo = function(t2) {
  return this._runTask(
    g(["update-server-info"]),
    u(arguments)
  );
};
f2.prototype.pushTags = function(t2, e) {
  const n = Mr(
    { remote: d(t2, m) },
    h2(arguments)
  );
  return this._runTask(n, u(arguments));
};
f2.prototype.rm = function(t2) {
  return this._runTask(
    g(["rm", "-f", ...v(t2)]),
    u(arguments)
  );
};
f2.prototype.rmKeepLocal = function(t2) {
  return this._runTask(
    g(["rm", "--cached", ...v(t2)]),
    u(arguments)
  );
};
f2.prototype.catFile = function(t2, e) {
  return this._catFile("utf-8", arguments);
};
f2.prototype.binaryCatFile = function() {
  return this._catFile("buffer", arguments);
};
f2.prototype._catFile = function(t2, e) {
  var n = u(e), r2 = ["cat-file"], s = e[0];
  if (typeof s == "string")
    return this._runTask(
      b2("Git.catFile: options must be supplied as an array of strings"),
      n
    );
  Array.isArray(s) && r2.push.apply(r2, s);
  const o2 = t2 === "buffer" ? Gt(r2) : g(r2);
  return this._runTask(o2, n);
};
f2.prototype.diff = function(t2, e) {
  const n = m(t2) ? b2(
    "git.diff: supplying options as a single string is no longer supported, switch to an array of strings"
  ) : g(["diff", ...h2(arguments)]);
  return this._runTask(n, u(arguments));
};
f2.prototype.diffSummary = function() {
  return this._runTask(
    fr(h2(arguments, 1)),
    u(arguments)
  );
};
f2.prototype.applyPatch = function(t2) {
  const e = G2(t2) ? Yr(v(t2), h2([].slice.call(arguments, 1))) : b2(
    "git.applyPatch requires one or more string patches as the first argument"
  );
  return this._runTask(e, u(arguments));
};
f2.prototype.revparse = function() {
  const t2 = ["rev-parse", ...h2(arguments, true)];
  return this._runTask(
    g(t2, true),
    u(arguments)
  );
};
f2.prototype.clean = function(t2, e, n) {
  const r2 = un(t2), s = r2 && t2.join("") || d(t2, m) || "", o2 = h2([].slice.call(arguments, r2 ? 1 : 0));
  return this._runTask(
    on(s, o2),
    u(arguments)
  );
};
f2.prototype.exec = function(t2) {
  const e = {
    commands: [],
    format: "utf-8",
    parser() {
      typeof t2 == "function" && t2();
    }
  };
  return this._runTask(e);
};
f2.prototype.checkIgnore = function(t2, e) {
  return this._runTask(
    fs(v(d(t2, G2, []))),
    u(arguments)
  );
};
f2.prototype.checkIsRepo = function(t2, e) {
  return this._runTask(
    We(d(t2, m)),
    u(arguments)
  );
};
function Is(t2) {
  return t2 ? [{
    type: "spawn.before",
    action(r2, s) {
      t2.aborted && s.kill(new A2(void 0, "abort", "Abort already signaled"));
    }
  }, {
    type: "spawn.after",
    action(r2, s) {
      function o2() {
        s.kill(new A2(void 0, "abort", "Abort signal received"));
      }
      t2.addEventListener("abort", o2), s.spawned.on("close", () => t2.removeEventListener("abort", o2));
    }
  }] : void 0;
}
var Us = $2("", "plugin:allowEnvironment");
function Fs(t2, e = false) {
  const n = new Set(t2.map((r2) => r2.toLowerCase().trim()));
  return {
    type: "spawn.options",
    action(r2, s) {
      const o2 = { ...r2.env ?? process.env }, i = new Set(
        Object.keys(s.env).map((a) => a.toLowerCase().trim())
      );
      for (const a of Object.keys(o2)) {
        const c3 = a.toLowerCase().trim();
        if (!(!Gs(c3) || n.has(c3))) {
          if (i.has(c3))
            throw new A2(
              void 0,
              "allowEnvironment",
              `Use of "${a}" is blocked by the environment guard - add it to the allowEnvironment option to permit it`
            );
          Us("removing ambient guarded environment variable %s", a), delete o2[a];
        }
      }
      return {
        ...r2,
        env: {
          ...o2,
          GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: String(!e)
        }
      };
    }
  };
}
function Gs(t2) {
  const e = t2.toLowerCase().trim();
  return e.startsWith("git_") || _(e);
}
function zs(t2 = {}) {
  return {
    type: "spawn.args",
    action(e, { env: n }) {
      for (const r2 of oe(e, n))
        if (t2[r2.category] !== true)
          throw new A2(void 0, "unsafe", r2.message);
      return e;
    }
  };
}
function qs(t2) {
  const e = U(t2, "-c");
  return {
    type: "spawn.args",
    action(n) {
      return [...e, ...n];
    }
  };
}
var $t = (0, import_promise_deferred.deferred)().promise;
function Ws({
  onClose: t2 = true,
  onExit: e = 50
} = {}) {
  function n() {
    let s = -1;
    const o2 = {
      close: (0, import_promise_deferred.deferred)(),
      closeTimeout: (0, import_promise_deferred.deferred)(),
      exit: (0, import_promise_deferred.deferred)(),
      exitTimeout: (0, import_promise_deferred.deferred)()
    }, i = Promise.race([
      t2 === false ? $t : o2.closeTimeout.promise,
      e === false ? $t : o2.exitTimeout.promise
    ]);
    return r2(t2, o2.close, o2.closeTimeout), r2(e, o2.exit, o2.exitTimeout), {
      close(a) {
        s = a, o2.close.done();
      },
      exit(a) {
        s = a, o2.exit.done();
      },
      get exitCode() {
        return s;
      },
      result: i
    };
  }
  function r2(s, o2, i) {
    s !== false && (s === true ? o2.promise : o2.promise.then(() => wt(s))).then(i.done);
  }
  return {
    type: "spawn.after",
    async action(s, { spawned: o2, close: i }) {
      const a = n();
      let c3 = true, y2 = () => {
        c3 = false;
      };
      o2.stdout?.on("data", y2), o2.stderr?.on("data", y2), o2.on("error", y2), o2.on("close", (w2) => a.close(w2)), o2.on("exit", (w2) => a.exit(w2));
      try {
        await a.result, c3 && await wt(50), i(a.exitCode);
      } catch (w2) {
        i(a.exitCode, w2);
      }
    }
  };
}
var we = $2("", "plugin:binary");
var Hs = "Invalid value supplied for custom binary, requires a single string or an array containing either one or two strings";
var Ks = "Invalid value supplied for custom binary, restricted characters must be removed or supply the unsafe.allowUnsafeCustomBinary option";
function Vs(t2) {
  return !t2 || !/^([a-z]:)?([a-z0-9/.\\_~-]+)$/i.test(t2);
}
function Pt(t2, e) {
  if (t2.length < 1 || t2.length > 2)
    throw new A2(void 0, "binary", Hs);
  if (t2.some(Vs))
    if (e)
      we("permitted unsafe binary %o", t2);
    else
      throw new A2(void 0, "binary", Ks);
  const [r2, s] = t2;
  return {
    binary: r2,
    prefix: s
  };
}
function Xs(t2, e = ["git"], n = false) {
  let r2 = Pt(v(e), n);
  t2.on("binary", (s) => {
    r2 = Pt(v(s), n), we.info("reconfiguring %o", r2);
  }), t2.append("spawn.binary", () => r2.binary), t2.append("spawn.args", (s) => r2.prefix ? [r2.prefix, ...s] : s);
}
var be = {
  DISALLOWED_ABBREVIATED: {
    text: "disallowed abbreviated or ambiguous option",
    solution: "Unambiguous abbreviated options blocked with unsafe.allowAbbreviatedOptions setting: {message}"
  },
  UNKNOWN: {
    text: "~ unknown ~",
    solution: void 0
  }
};
function Ys(t2) {
  if (!t2)
    return "UNKNOWN";
  for (const [e, { text: n }] of Object.entries(be))
    if (t2.startsWith(`fatal: ${n}`))
      return e;
  return "UNKNOWN";
}
var Qs = class extends O2 {
  constructor(e = "") {
    const n = Ys(e);
    super(void 0, be[n].solution?.replace("{message}", e) ?? e), this.reason = n;
  }
};
function Js(t2) {
  return !!(t2.exitCode && t2.stdErr.length);
}
function Zs(t2) {
  return Buffer.concat([...t2.stdOut, ...t2.stdErr]);
}
function to(t2 = false, e = Js, n = Zs) {
  return (r2, s) => !t2 && r2 || !e(s) ? r2 : n(s);
}
function eo(t2, e) {
  return t2 === 128 && e.startsWith("fatal:") ? new Qs(e) : new O2(void 0, e);
}
function Mt(t2) {
  return {
    type: "task.error",
    action(e, n) {
      const r2 = t2(e.error, {
        stdErr: n.stdErr,
        stdOut: n.stdOut,
        exitCode: n.exitCode
      });
      return Buffer.isBuffer(r2) ? {
        error: eo(n.exitCode, r2.toString("utf-8"))
      } : {
        error: r2
      };
    }
  };
}
var nt = $2("", "plugin:input");
function no(t2) {
  return {
    type: "spawn.after",
    action(e, { commands: n, input: r2, spawned: { stdin: s } }) {
      if (!s)
        return;
      const o2 = t2?.([...n]) ?? r2;
      if (!o2)
        return nt("generated zero length content, not writing to stdin");
      nt("writing %s bytes to stdin", Le(o2)), s.on("error", (i) => {
        i.code !== "EPIPE" && nt("[ERROR] stdin error %o", i);
      }), s.end(o2);
    }
  };
}
var ro = class {
  constructor() {
    this.plugins = /* @__PURE__ */ new Set(), this.events = new Ce();
  }
  on(e, n) {
    this.events.on(e, n);
  }
  reconfigure(e, n) {
    this.events.emit(e, n);
  }
  append(e, n) {
    const r2 = S2(this.plugins, { type: e, action: n });
    return () => this.plugins.delete(r2);
  }
  add(e) {
    const n = [];
    return v(e).forEach(
      (r2) => {
        r2 && this.plugins.add(S2(n, r2));
      }
    ), () => {
      n.forEach((r2) => {
        this.plugins.delete(r2);
      });
    };
  }
  exec(e, n, r2) {
    let s = n;
    const o2 = Object.freeze(Object.create(r2));
    for (const i of this.plugins)
      i.type === e && (s = i.action(s, o2));
    return s;
  }
};
function so(t2) {
  const e = "--progress", n = ["checkout", "clone", "fetch", "pull", "push"];
  return [{
    type: "spawn.args",
    action(o2, i) {
      return n.includes(i.method) ? De(o2, e) : o2;
    }
  }, {
    type: "spawn.after",
    action(o2, i) {
      i.commands.includes(e) && i.spawned.stderr?.on("data", (a) => {
        const c3 = /^([\s\S]+?):\s*(\d+)% \((\d+)\/(\d+)\)/.exec(a.toString("utf8"));
        c3 && t2({
          method: i.method,
          stage: oo(c3[1]),
          progress: p(c3[2]),
          processed: p(c3[3]),
          total: p(c3[4])
        });
      });
    }
  }];
}
function oo(t2) {
  return String(t2.toLowerCase().split(" ", 1)) || "unknown";
}
function io(t2) {
  const e = je(t2, ["uid", "gid"]);
  return {
    type: "spawn.options",
    action(n) {
      return { ...e, ...n };
    }
  };
}
function ao() {
  return {
    type: "spawn.args",
    action(t2) {
      const e = [];
      let n;
      function r2(s) {
        (n = n || []).push(...s);
      }
      for (let s = 0; s < t2.length; s++) {
        const o2 = t2[s];
        if (r(o2)) {
          r2(o(o2));
          continue;
        }
        if (o2 === "--") {
          r2(
            t2.slice(s + 1).flatMap((i) => r(i) && o(i) || i)
          );
          break;
        }
        e.push(o2);
      }
      return n ? [...e, "--", ...n.map(String)] : e;
    }
  };
}
function uo({
  block: t2,
  stdErr: e = true,
  stdOut: n = true
}) {
  if (t2 > 0)
    return {
      type: "spawn.after",
      action(r2, s) {
        let o2;
        function i() {
          o2 && clearTimeout(o2), o2 = setTimeout(c3, t2);
        }
        function a() {
          s.spawned.stdout?.off("data", i), s.spawned.stderr?.off("data", i), s.spawned.off("exit", a), s.spawned.off("close", a), o2 && clearTimeout(o2);
        }
        function c3() {
          a(), s.kill(new A2(void 0, "timeout", "block timeout reached"));
        }
        n && s.spawned.stdout?.on("data", i), e && s.spawned.stderr?.on("data", i), s.spawned.on("exit", a), s.spawned.on("close", a), i();
      }
    };
}
var wo = (t2, e) => {
  const n = new ro(), r2 = Ge(
    t2 && (typeof t2 == "string" ? { baseDir: t2 } : t2) || {},
    e
  );
  if (!Lt(r2.baseDir))
    throw new Ae(
      r2,
      "Cannot use simple-git on a directory that does not exist"
    );
  return Array.isArray(r2.config) && n.add(qs(r2.config)), n.add(zs(r2.unsafe)), n.add(Ws(r2.completion)), r2.abort && n.add(Is(r2.abort)), r2.progress && n.add(so(r2.progress)), r2.timeout && n.add(uo(r2.timeout)), r2.spawnOptions && n.add(io(r2.spawnOptions)), n.add(ao()), n.add(no(r2.input)), n.add(Mt(to(true))), r2.errors && n.add(Mt(r2.errors)), Xs(n, r2.binary, r2.unsafe?.allowUnsafeCustomBinary), n.add(
    Fs(r2.allowEnvironment ?? [], r2.unsafe?.allowAbbreviatedOptions)
  ), new f2(r2, n);
};

// src/stages/secrets/config.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync3, statSync as statSync4 } from "node:fs";
import { join as join3, relative as relative3, resolve as resolve9 } from "node:path";
var DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
var SECRETS_SCHEMA = {
  properties: {
    repo: {
      type: "string",
      minLength: 1,
      // No `default`: the folder of launch-ready.yml (else the current folder) is used, and a folder
      // the user did not name is never a configuration error for the other stages' commands.
      description: "Folder of the git repository to scan, relative to launch-ready.yml. Default: the folder of launch-ready.yml, else the current folder.",
      errorMessage: 'expected the path of a git clone; e.g. "."'
    },
    history: {
      type: "boolean",
      default: true,
      description: "Scan every commit on every ref (branches, tags, remotes), not just the working tree.",
      errorMessage: "expected true or false"
    },
    untracked: {
      type: "boolean",
      default: false,
      description: "Also scan untracked files that .gitignore does not ignore.",
      errorMessage: "expected true or false"
    },
    bundles: {
      type: "array",
      items: { type: "string", minLength: 1 },
      default: [],
      description: "Globs of built output to scan, relative to the repository or absolute (a build folder outside it, `$RUNNER_TEMP/out/**`): minified JS, CSS, HTML and `.map` source maps (their `sourcesContent`).",
      errorMessage: 'expected a list of globs; e.g. ["dist/**", ".next/static/**"]'
    },
    logs: {
      type: "array",
      items: { type: "string", minLength: 1 },
      default: [],
      description: "Build or deploy log files to scan for echoed tokens, Authorization headers and KEY=value dumps; relative to the repository folder (or absolute).",
      errorMessage: 'expected a list of file paths; e.g. ["build.log"]'
    },
    urls: {
      type: "array",
      items: { type: "string", pattern: "^https?://" },
      default: [],
      description: "Live pages to fetch and scan with their same-origin scripts and source maps.",
      errorMessage: 'expected a list of http(s) URLs; e.g. ["https://app.example.com/"]'
    },
    baseline: {
      type: "string",
      minLength: 1,
      description: "A previous JSON report (launch-ready or gitleaks): findings it lists are accepted and not reported again.",
      errorMessage: "expected the path of a JSON report; e.g. secrets-baseline.json"
    },
    maxFileBytes: {
      type: "integer",
      minimum: 1,
      default: DEFAULT_MAX_FILE_BYTES,
      description: "Files (and one commit's added text per file) larger than this many bytes are skipped and counted in the metrics.",
      errorMessage: "expected a positive number of bytes; e.g. 10485760"
    }
  }
};
var SECRETS_FLAGS = [
  { name: "repo", type: "string", configKey: "repo", valueName: "DIR", description: "git repository to scan (default: current folder)" },
  { name: "no-history", type: "boolean", configKey: "history", negate: true, description: "scan the working tree only, not every commit" },
  {
    name: "bundles",
    type: "string",
    multiple: true,
    configKey: "bundles",
    valueName: "GLOB",
    description: 'built output to scan: a glob relative to --repo, or absolute (repeatable), e.g. "dist/**"'
  },
  {
    name: "logs",
    type: "string",
    multiple: true,
    configKey: "logs",
    valueName: "FILE",
    description: "build log to scan, relative to --repo or absolute (repeatable)"
  },
  {
    name: "url",
    type: "string",
    multiple: true,
    configKey: "urls",
    valueName: "URL",
    description: "live page to scan with its scripts and source maps (repeatable)"
  },
  { name: "baseline", type: "string", configKey: "baseline", valueName: "FILE", description: "accept the findings of a previous JSON report" },
  { name: "untracked", type: "boolean", configKey: "untracked", description: "also scan untracked, not ignored files" }
];
function secretsOptionsOf(section, baseDir) {
  const given = stringOr(section.repo);
  const options = {
    repo: resolve9(baseDir, given ?? "."),
    repoGiven: given !== void 0,
    history: read.boolean(section, "history"),
    untracked: read.boolean(section, "untracked"),
    bundles: read.strings(section, "bundles"),
    logs: read.strings(section, "logs"),
    urls: read.strings(section, "urls"),
    maxFileBytes: read.number(section, "maxFileBytes")
  };
  if (typeof section.baseline === "string") options.baseline = resolve9(baseDir, section.baseline);
  return options;
}
function gitRepositoryProblem(dir) {
  try {
    const inside = execFileSync("git", ["-C", dir, "rev-parse", "--is-inside-work-tree"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    return inside === "true" ? void 0 : `${dir} is not a git work tree (a bare repository?); pass the folder of a checkout`;
  } catch (error) {
    const stderr = isRecord(error) ? String(error.stderr ?? "") : "";
    const code = errorCode(error);
    if (code === "ENOENT") return "git is not installed or not on PATH; install git (the scan reads history with it)";
    if (stderr.includes("dubious ownership"))
      return `git refuses ${dir}: it is owned by another user; run git config --global --add safe.directory ${dir} first`;
    return `${dir} is not a git repository; pass the folder of a git clone (git clone URL, or git init there first)`;
  }
}
function validateSecretsConfig(section, baseDir) {
  const options = secretsOptionsOf(section, baseDir);
  const problems = [];
  if (options.repoGiven && (!existsSync3(options.repo) || !statSync4(options.repo).isDirectory())) {
    problems.push({ path: ["repo"], message: `${options.repo}: no such folder; pass the folder of your git clone, e.g. --repo .` });
    return problems;
  }
  const problem = gitRepositoryProblem(options.repo);
  if (problem) {
    const choose = options.repoGiven ? "" : " (or run launch-ready inside your clone, or set secrets: {enabled: false} to leave this stage out)";
    problems.push({ path: ["repo"], message: `${problem}${choose}` });
    return problems;
  }
  if (options.baseline !== void 0 && !existsSync3(options.baseline)) {
    problems.push({ path: ["baseline"], message: `${options.baseline}: no such file; write one with launch-ready secrets --format json --output FILE` });
  }
  return problems;
}
function parseSecretsOptions(section, baseDir) {
  const options = secretsOptionsOf(section, baseDir);
  const shown = (path) => relative3(process.cwd(), path) || path;
  const policy = loadScanPolicy(options.repo, shown(join3(options.repo, GITLEAKS_CONFIG)));
  const accepted = options.baseline !== void 0 ? loadBaseline(options.baseline, shown(options.baseline)) : /* @__PURE__ */ new Set();
  return { ...options, policy, accepted };
}

// src/stages/secrets/report.ts
import { createHash } from "node:crypto";

// src/stages/secrets/where.ts
var KIND_ORDER = ["url", "bundle", "log", "tree", "history"];
var WHERE_POINTS = { url: 3, bundle: 3, log: 2, tree: 2, history: 1 };
var short = (commit) => (commit ?? "").slice(0, 8);
function labelOf(place) {
  const where2 = place.location;
  if (place.kind === "url") return `the live site ${where2.url ?? ""}${place.source ? ` (source ${place.source})` : ""}`;
  const at2 = `${where2.file ?? ""}${where2.line ? `:${where2.line}` : ""}`;
  if (place.kind === "bundle") return `the built bundle ${at2}${place.source ? ` (source ${place.source})` : ""}`;
  if (place.kind === "log") return `build log ${at2}`;
  return `\`${at2}\``;
}
function byDate(a, b3) {
  return (a.date ?? "").localeCompare(b3.date ?? "");
}
function primaryPlace(places) {
  for (const kind of KIND_ORDER) {
    const ofKind = places.filter((p2) => p2.kind === kind);
    if (ofKind.length > 0) return kind === "history" ? [...ofKind].sort(byDate)[0] : ofKind[0];
  }
  return places[0];
}
function describePlaces(places, seen) {
  const primary = primaryPlace(places);
  const has = (kind) => places.some((p2) => p2.kind === kind);
  const facts = [];
  const history = places.filter((p2) => p2.kind === "history").sort(byDate);
  if (history.length > 0) {
    const commits = new Set(history.map((p2) => p2.location.commit));
    facts.push(
      `added in ${short(history[0].location.commit)}${commits.size > 1 ? ` (and ${commits.size - 1} later commit${commits.size > 2 ? "s" : ""})` : ""}`
    );
  }
  const treeFiles = new Set(places.filter((p2) => p2.kind === "tree").map((p2) => p2.location.file));
  if (treeFiles.size > 0) facts.push(`${history.length > 0 ? "still in HEAD" : "in HEAD"}${treeFiles.size > 1 ? ` (${treeFiles.size} files)` : ""}`);
  else if (history.length > 0) facts.push("gone from HEAD but still in history");
  if (has("bundle") && primary.kind !== "bundle") facts.push("in the built bundle");
  if (has("log") && primary.kind !== "log") facts.push("in a build log");
  if (has("url") && primary.kind !== "url") facts.push("on the live site");
  if (seen > places.length) facts.push(`${seen} places in all`);
  const list = facts.length > 1 ? `${facts.slice(0, -1).join(", ")} and ${facts[facts.length - 1]}` : facts[0] ?? "";
  return { primary, sentence: list ? `${labelOf(primary)}, ${list}` : labelOf(primary) };
}
function exposureWeight(rule, places) {
  const exposure = EXPOSURES.indexOf(rule.exposes ?? "other");
  const where2 = Math.max(...places.map((p2) => WHERE_POINTS[p2.kind]));
  return (EXPOSURES.length - exposure) * 10 + where2;
}
function fixFor2(rule, places) {
  const at2 = rule.provider ? `at ${rule.provider}${rule.revokeAt ? `: ${rule.revokeAt}` : ""}` : "where it was issued (revoke, then issue a new one)";
  const steps = [`Rotate it ${at2}`];
  if (places.some((p2) => p2.kind === "bundle" || p2.kind === "url")) steps.push("then rebuild and redeploy");
  if (places.some((p2) => p2.kind === "history")) steps.push("a history purge helps only after that");
  return steps.join("; ");
}

// src/stages/secrets/report.ts
var MAX_PLACES = 50;
var FindingCollector = class {
  constructor(policy, ignore, baseline, maxFindings = 1e3) {
    this.policy = policy;
    this.ignore = ignore;
    this.baseline = baseline;
    this.maxFindings = maxFindings;
  }
  policy;
  ignore;
  baseline;
  maxFindings;
  suppressed = { allowlist: 0, gitleaksIgnore: 0, baseline: 0 };
  truncated = 0;
  groups = /* @__PURE__ */ new Map();
  seen = /* @__PURE__ */ new Set();
  add(origin, matches) {
    for (const match of matches) this.addOne(origin, match);
  }
  /** One finding per secret value, each located at its most exposed place. */
  get findings() {
    return [...this.groups.values()].map(toFindingInput);
  }
  /** How many places (files, commits, bundles, pages) the findings cover in all. */
  get places() {
    let n = 0;
    for (const group of this.groups.values()) n += group.seen;
    return n;
  }
  addOne(origin, match) {
    const file = "file" in origin ? origin.file : void 0;
    const commit = origin.kind === "history" ? origin.commit : void 0;
    if (isAllowed(this.policy.allowlists, match.rule.id, match.secret, file, commit)) {
      this.suppressed.allowlist++;
      return;
    }
    const line = origin.kind === "history" ? origin.lines[match.line - 1] ?? match.line : match.line;
    if (file !== void 0 && this.ignore.has(gitleaksFingerprint(match.rule.id, file, line, commit))) {
      this.suppressed.gitleaksIgnore++;
      return;
    }
    const place = placeOf(origin, match, line);
    if (this.baseline.has(place.fingerprint)) {
      this.suppressed.baseline++;
      return;
    }
    if (this.seen.has(place.fingerprint)) return;
    this.seen.add(place.fingerprint);
    this.group(match, place);
  }
  group(match, place) {
    const key = createHash("sha256").update(match.secret).digest("hex");
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= this.maxFindings) {
        this.truncated++;
        return;
      }
      group = { rule: match.rule, severity: match.severity, secret: match.secret, places: [], seen: 0 };
      this.groups.set(key, group);
    }
    if ((match.rule.priority ?? 0) < (group.rule.priority ?? 0)) group.rule = match.rule;
    if (severityRank(match.severity) < severityRank(group.severity)) group.severity = match.severity;
    group.seen++;
    if (group.places.length < MAX_PLACES) group.places.push(place);
  }
};
function placeOf(origin, match, line) {
  const { rule } = match;
  let location;
  let fingerprint;
  switch (origin.kind) {
    case "history":
      location = { file: origin.file, line, commit: origin.commit, ref: origin.ref };
      fingerprint = gitleaksFingerprint(rule.id, origin.file, line, origin.commit);
      return { kind: "history", location, fingerprint, date: origin.date };
    case "tree":
      location = { file: origin.file, line };
      break;
    case "bundle":
      location = { file: origin.file, line, column: match.column };
      break;
    case "log":
      location = { file: origin.file, line };
      break;
    case "url":
      location = { url: origin.url, line, column: match.column };
      break;
  }
  fingerprint = fingerprintOf("secrets", { ruleId: rule.id, severity: match.severity, title: "", fix: "", location, secret: match.secret });
  const source = "source" in origin ? origin.source : void 0;
  return source !== void 0 ? { kind: origin.kind, location, fingerprint, source } : { kind: origin.kind, location, fingerprint };
}
function toFindingInput(group) {
  const { rule } = group;
  const { primary, sentence } = describePlaces(group.places, group.seen);
  const input = {
    ruleId: rule.id,
    severity: group.severity,
    title: `${rule.title} \xB7 ${sentence}`,
    fix: fixFor2(rule, group.places),
    paths: ["deploy", ...rule.paths ?? []],
    location: primary.location,
    secret: group.secret,
    fingerprint: primary.fingerprint,
    weight: exposureWeight(rule, group.places)
  };
  if (group.places.length > 1) input.occurrences = group.places.map((p2) => ({ ...p2.location, fingerprint: p2.fingerprint }));
  return input;
}

// src/stages/secrets/sources/bundles.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);
import { statSync as statSync5 } from "node:fs";
import { isAbsolute as isAbsolute2, join as join5 } from "node:path";

// src/stages/secrets/sources/files.ts
import { lstatSync } from "node:fs";
import { readdir as readdir2 } from "node:fs/promises";
import { join as join4 } from "node:path";
function readForScan(path, maxBytes) {
  const read2 = readBoundedFile(path, { maxBytes, sniffBinary: true });
  switch (read2.kind) {
    case "text":
      return { text: read2.text, bytes: read2.bytes };
    case "missing":
      return isSymlink(path) ? { skipped: "brokenSymlink" } : { skipped: "notAFile" };
    case "too-large":
      return { skipped: "large" };
    case "binary":
      return { skipped: "binary" };
    case "not-a-file":
      return { skipped: "notAFile" };
    case "unreadable":
      return { skipped: "unreadable" };
  }
}
function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
function yieldToEventLoop() {
  return new Promise((resolve10) => setImmediate(resolve10));
}
function newCounters() {
  return { files: 0, bytes: 0, skipped: { large: 0, binary: 0, brokenSymlink: 0, unreadable: 0, notAFile: 0 } };
}
async function walk(root, includeNodeModules, start = "", limit = 2e5) {
  const out = [];
  const queue = [start];
  while (queue.length > 0 && out.length < limit) {
    const dir = queue.shift();
    let entries;
    try {
      entries = await readdir2(join4(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === ".git" || entry.name === "node_modules" && !includeNodeModules) continue;
        queue.push(rel);
      } else out.push(rel);
    }
  }
  return out;
}

// src/stages/secrets/sources/paths.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { isAbsolute, relative as relative4, sep as sep2 } from "node:path";
function workspaceOf(repo) {
  try {
    const top = execFileSync2("git", ["-C", repo, "rev-parse", "--show-toplevel"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return top || repo;
  } catch {
    return repo;
  }
}
function shownPath(workspace, absolute) {
  const rel = relative4(workspace, absolute);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return absolute;
  return sep2 === "/" ? rel : rel.split(sep2).join("/");
}

// src/stages/secrets/sources/bundles.ts
function sourcesOfMap(mapText) {
  try {
    const map = JSON.parse(mapText);
    if (!isRecord(map) || !Array.isArray(map.sourcesContent)) return [];
    const sources = Array.isArray(map.sources) ? map.sources : [];
    return map.sourcesContent.flatMap((text2, i) => typeof text2 === "string" ? [{ source: String(sources[i] ?? `source ${i}`), text: text2 }] : []);
  } catch {
    return [];
  }
}
function isDirectory(path) {
  try {
    return statSync5(path).isDirectory();
  } catch {
    return false;
  }
}
function isFile(path) {
  try {
    return statSync5(path).isFile();
  } catch {
    return false;
  }
}
function resolveBundleGlobs(root, globs) {
  return globs.map((glob) => {
    const absolute = isAbsolute2(glob) ? glob.replace(/\/+$/, "") : join5(root, glob.replace(/^\.\//, "").replace(/\/$/, ""));
    const scan2 = import_picomatch2.default.scan(absolute);
    if (!scan2.isGlob) {
      if (isDirectory(absolute)) return { base: absolute, matches: () => true, single: false };
      return { base: absolute, matches: () => true, single: true };
    }
    const matcher = (0, import_picomatch2.default)(scan2.glob, { dot: true });
    return { base: scan2.base || "/", matches: (rel) => matcher(rel), single: false };
  });
}
async function scanBundles(root, workspace, globs, maxFileBytes, counters, onPiece) {
  if (globs.length === 0) return 0;
  const wantsNodeModules = globs.some((g2) => g2.includes("node_modules"));
  const found = /* @__PURE__ */ new Set();
  for (const glob of resolveBundleGlobs(root, globs)) {
    if (glob.single) {
      if (isFile(glob.base)) found.add(glob.base);
      continue;
    }
    if (!isDirectory(glob.base)) continue;
    for (const file of await walk(glob.base, wantsNodeModules)) if (glob.matches(file)) found.add(join5(glob.base, file));
  }
  const files = [...found];
  for (const [i, path] of files.entries()) {
    if (i % 32 === 31) await yieldToEventLoop();
    const read2 = readForScan(path, maxFileBytes);
    if ("skipped" in read2) {
      if (read2.skipped !== "notAFile") counters.skipped[read2.skipped]++;
      continue;
    }
    counters.files++;
    counters.bytes += read2.bytes;
    const file = shownPath(workspace, path);
    if (path.endsWith(".map")) {
      for (const { source, text: text2 } of sourcesOfMap(read2.text)) onPiece({ file, source, text: text2 });
    } else onPiece({ file, text: read2.text });
  }
  return files.length;
}

// src/stages/secrets/sources/history-split.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync as existsSync4 } from "node:fs";
import { availableParallelism as availableParallelism2 } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var SPLIT_MIN_COMMITS = 2e3;
function workerScript() {
  const here = import.meta.url;
  const url = here.endsWith(".ts") ? new URL("../../../../dist/secrets-worker.js", here) : new URL("./secrets-worker.js", here);
  return existsSync4(fileURLToPath(url)) ? url : void 0;
}
async function scanHistory(options, rules, onMatches) {
  const workers = Math.max(1, Math.floor(options.workers ?? workersFromEnv() ?? availableParallelism2()));
  const script = workers > 1 ? workerScript() : void 0;
  const single = async () => ({
    ...await streamHistory({ repo: options.repo, maxBlockBytes: options.maxBlockBytes, signal: options.signal }, (block) => {
      const matches = scanText(block.text, rules, block.file);
      if (matches.length === 0) return;
      const { text: _text, ...place } = block;
      onMatches(place, matches);
    }),
    shares: 1
  });
  if (!script) return single();
  const listed = await listCommits(options.repo, options.signal);
  if (listed.commits.length < (options.minCommitsToSplit ?? SPLIT_MIN_COMMITS) || listed.commits.length < workers) return single();
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const replay = (found) => {
    const matches = found.matches.map((m2) => ({ ...m2, rule: byId.get(m2.rule) })).filter((m2) => m2.rule !== void 0);
    if (matches.length > 0) onMatches(found.block, matches);
  };
  const stopAll = new AbortController();
  const onAbort = () => stopAll.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const shares = splitShares(listed, workers).map(
    (share) => runShare(script, { repo: options.repo, maxBlockBytes: options.maxBlockBytes, ...share, ruleIds: [...byId.keys()] }, stopAll.signal)
  );
  shares.forEach((share) => share.catch(() => stopAll.abort()));
  const total = { commits: 0, bytes: 0, skippedLargeBlocks: 0 };
  try {
    for (const share of shares) {
      const { stats, found } = await share;
      found.forEach(replay);
      total.commits += stats.commits;
      total.bytes += stats.bytes;
      total.skippedLargeBlocks += stats.skippedLargeBlocks;
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  return { ...total, shares: shares.length };
}
function workersFromEnv() {
  const value = Number.parseInt(process.env.LAUNCH_READY_HISTORY_WORKERS ?? "", 10);
  return Number.isFinite(value) && value > 0 ? value : void 0;
}
function splitShares(listed, count2) {
  const size = Math.ceil(listed.commits.length / count2);
  const out = [];
  for (let start = 0; start < listed.commits.length; start += size) {
    out.push({ commits: listed.commits.slice(start, start + size), refs: listed.refs.slice(start, start + size) });
  }
  return out;
}
function listCommits(repo, signal) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn2("git", ["-C", repo, "log", "--all", "--format=%H%x09%S"], { stdio: ["ignore", "pipe", "pipe"], signal });
    const commits = [];
    const refs = [];
    let carry = "";
    let stderr = "";
    const take = (line) => {
      if (!line) return;
      const tab = line.indexOf("	");
      commits.push(tab === -1 ? line : line.slice(0, tab));
      refs.push(tab === -1 ? "" : line.slice(tab + 1));
    };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      const lines = (carry + chunk).split("\n");
      carry = lines.pop() ?? "";
      lines.forEach(take);
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 4e3) stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      take(carry);
      if (code !== 0) return reject(new Error(`git log --all failed (exit ${code}): ${stderr.trim().split("\n")[0] ?? ""}`));
      resolvePromise({ commits, refs });
    });
  });
}
function runShare(script, share, signal) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(script, { workerData: share });
    const found = [];
    let settled = false;
    const stop = () => void worker.terminate();
    signal?.addEventListener("abort", stop, { once: true });
    const settle = (done) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", stop);
      done();
    };
    worker.on("message", (message) => {
      if (message.type === "blocks") found.push(...message.blocks);
      else if (message.type === "done") settle(() => resolvePromise({ stats: message.stats, found }));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on(
      "exit",
      (code) => settle(() => reject(new Error(signal?.aborted ? "history scan aborted" : `history worker exited (code ${code}) before it finished`)))
    );
  });
}

// src/stages/secrets/sources/live-site.ts
var SCRIPT_SRC = /<script\b[^>]{0,2000}?\bsrc\s{0,3}=\s{0,3}["']?([^"'\s>]{1,2000})/gi;
var SOURCE_MAP_COMMENT = /[#@]\s{0,3}sourceMappingURL=([^\s'"*]{1,2000})\s*(?:\*\/)?\s*$/;
function sameOriginScripts(html, pageUrl) {
  const origin = new URL(pageUrl).origin;
  const out = /* @__PURE__ */ new Set();
  SCRIPT_SRC.lastIndex = 0;
  for (let match = SCRIPT_SRC.exec(html); match; match = SCRIPT_SRC.exec(html)) {
    try {
      const url = new URL(match[1].replace(/&amp;/g, "&"), pageUrl);
      if (url.origin === origin) out.add(url.href);
    } catch {
    }
  }
  return [...out];
}
function sourceMapUrl(script, scriptUrl, header) {
  const tail = script.slice(-4e3);
  const named = header ?? tail.match(SOURCE_MAP_COMMENT)?.[1];
  if (!named || named.startsWith("data:")) return void 0;
  try {
    const url = new URL(named, scriptUrl);
    return url.origin === new URL(scriptUrl).origin ? url.href : void 0;
  } catch {
    return void 0;
  }
}
async function fetchText(url, options, deadline, signal) {
  const timeoutMs = Math.max(1, Math.round(deadline - performance.now()));
  const response = await options.http.request({
    url,
    headers: { "user-agent": "launch-ready secrets scan", "accept-encoding": "gzip, deflate, br" },
    followRedirects: 10,
    maxBodyBytes: options.maxBytes,
    timeoutMs,
    signal
  });
  if (response.status < 200 || response.status > 299) throw new Error(`${url} answered HTTP ${response.status}`);
  if (response.truncated) throw new Error(`${url} is larger than ${options.maxBytes} bytes; skipped`);
  const header = (name) => {
    const value = response.headers[name];
    return typeof value === "string" ? value : null;
  };
  return { text: Buffer.from(response.body).toString("utf8"), sourceMap: header("sourcemap") ?? header("x-sourcemap") };
}
async function scanLiveSite(pageUrl, options, onDocument) {
  const deadline = performance.now() + options.budgetMs;
  const budget = AbortSignal.timeout(options.budgetMs);
  const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
  const problems = [];
  const page = await fetchText(pageUrl, options, deadline, signal);
  let documents = 1;
  let bytes = page.text.length;
  onDocument({ url: pageUrl, text: page.text });
  const queue = sameOriginScripts(page.text, pageUrl).slice(0, options.maxScripts);
  const scanScript = async (scriptUrl) => {
    try {
      const script = await fetchText(scriptUrl, options, deadline, signal);
      documents++;
      bytes += script.text.length;
      onDocument({ url: scriptUrl, text: script.text });
      const mapUrl = sourceMapUrl(script.text, scriptUrl, script.sourceMap);
      if (!mapUrl) return;
      const map = await fetchText(mapUrl, options, deadline, signal);
      documents++;
      bytes += map.text.length;
      for (const { source, text: text2 } of sourcesOfMap(map.text)) onDocument({ url: mapUrl, source, text: text2 });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  };
  const worker = async () => {
    for (let next = queue.shift(); next !== void 0; next = queue.shift()) await scanScript(next);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 6, queue.length) }, worker));
  return { documents, bytes, problems };
}

// src/stages/secrets/sources/logs.ts
import { isAbsolute as isAbsolute3, join as join6 } from "node:path";
async function readLogs(root, workspace, logs, maxFileBytes, counters) {
  const out = [];
  const problems = [];
  for (const log of logs) {
    const path = isAbsolute3(log) ? log : join6(root, log);
    const read2 = readForScan(path, maxFileBytes);
    if ("skipped" in read2) {
      if (read2.skipped === "large") counters.skipped.large++;
      else problems.push(`${log}: ${read2.skipped === "unreadable" || read2.skipped === "notAFile" ? "cannot read the file" : read2.skipped}`);
      continue;
    }
    counters.files++;
    counters.bytes += read2.bytes;
    out.push({ file: shownPath(workspace, path), text: read2.text });
  }
  return { logs: out, problems };
}

// src/stages/secrets/sources/tree.ts
import { join as join7 } from "node:path";
async function scanWorkingTree(repo, workspace, options, counters, onFile) {
  const git2 = wo({ baseDir: repo });
  const tracked = await git2.raw(["-c", "core.quotePath=false", "ls-files", "-z"]);
  const files = tracked.split("\0").filter(Boolean);
  if (options.untracked) {
    const others = await git2.raw(["-c", "core.quotePath=false", "ls-files", "-z", "--others", "--exclude-standard"]);
    files.push(...others.split("\0").filter(Boolean));
  }
  let count2 = 0;
  for (const file of new Set(files)) {
    if (++count2 % 32 === 0) await yieldToEventLoop();
    const read2 = readForScan(join7(repo, file), options.maxFileBytes);
    if ("skipped" in read2) {
      if (read2.skipped !== "notAFile") counters.skipped[read2.skipped]++;
      continue;
    }
    counters.files++;
    counters.bytes += read2.bytes;
    onFile({ file: shownPath(workspace, join7(repo, file)), text: read2.text });
  }
}

// src/stages/secrets/index.ts
var secretsStage = {
  id: "secrets",
  phase: "passive",
  title: "Secrets",
  description: "no secret in git history, the working tree, bundles, build logs or the live site",
  built: true,
  checks: { paths: ["deploy"] },
  configSchema: SECRETS_SCHEMA,
  flags: SECRETS_FLAGS,
  validateConfig: validateSecretsConfig,
  parseOptions: parseSecretsOptions,
  run: runSecrets
};
async function runSecrets(ctx) {
  const started = performance.now();
  const options = ctx.options;
  const repoProblem = gitRepositoryProblem(options.repo);
  const isRepo = repoProblem === void 0;
  const { policy, accepted: baseline } = options;
  const state = {
    options,
    policy,
    collector: new FindingCollector(policy, isRepo ? loadGitleaksIgnore(options.repo) : /* @__PURE__ */ new Set(), baseline),
    counters: newCounters(),
    errors: [],
    history: { commits: 0, bytes: 0, skippedLargeBlocks: 0, refs: 0, ms: 0, shallow: false },
    bundles: 0,
    urlDocuments: 0,
    isRepo,
    workspace: isRepo ? workspaceOf(options.repo) : options.repo
  };
  const parts = [];
  if (isRepo) {
    if (options.history) parts.push(guard(state, "history", () => scanHistoryPart(state, ctx)));
    parts.push(
      guard(
        state,
        "tree",
        () => scanWorkingTree(
          options.repo,
          state.workspace,
          options,
          state.counters,
          (f3) => state.collector.add({ kind: "tree", file: f3.file }, scanText(f3.text, policy.rules, f3.file))
        )
      )
    );
  } else {
    const message = `${repoProblem}; history and the working tree were not scanned`;
    state.errors.push({ part: "history", message, fix: "run in a git clone or pass --repo DIR" });
  }
  parts.push(guard(state, "bundles", () => scanBundlesPart(state)));
  parts.push(guard(state, "logs", () => scanLogsPart(state)));
  parts.push(guard(state, "urls", () => scanUrlsPart(state, ctx)));
  await Promise.all(parts);
  const seconds2 = (performance.now() - started) / 1e3;
  const scannedBytes = state.counters.bytes + state.history.bytes;
  const findings = state.collector.findings;
  const blockers = findings.filter((f3) => f3.severity === "blocker").length;
  const metrics = {
    commits: state.history.commits,
    refs: state.history.refs,
    historyBytes: state.history.bytes,
    historyMs: Math.round(state.history.ms),
    files: state.counters.files,
    bundles: state.bundles,
    logs: options.logs.length,
    urlDocuments: state.urlDocuments,
    bytesScanned: scannedBytes,
    mbPerSecond: Math.round(scannedBytes / 1e6 / Math.max(seconds2, 1e-3) * 10) / 10,
    skippedLargeFiles: state.counters.skipped.large + state.history.skippedLargeBlocks,
    skippedBinaryFiles: state.counters.skipped.binary,
    brokenSymlinks: state.counters.skipped.brokenSymlink,
    unreadableFiles: state.counters.skipped.unreadable,
    suppressed: state.collector.suppressed,
    rules: policy.rules.length
  };
  if (state.collector.truncated > 0) metrics.findingsNotShown = state.collector.truncated;
  metrics.places = state.collector.places;
  const outcome = { summary: summaryOf3(state, findings.length, blockers), findings, metrics };
  if (state.errors.length > 0) outcome.errors = state.errors;
  return outcome;
}
async function guard(state, part, work) {
  try {
    await work();
  } catch (error) {
    state.errors.push({ part, message: reasonOf(error) });
  }
}
async function scanHistoryPart(state, ctx) {
  const started = performance.now();
  const git2 = wo({ baseDir: state.options.repo });
  const refs = (await git2.raw(["for-each-ref", "--format=%(refname)"])).split("\n").filter(Boolean);
  state.history.refs = refs.length;
  if (refs.length === 0) return;
  state.history.shallow = (await git2.revparse(["--is-shallow-repository"])).trim() === "true";
  if (state.history.shallow) {
    state.errors.push({
      part: "history",
      message: "the clone is shallow, so older commits (where leaks usually hide) are missing; only the fetched commits were scanned",
      fix: "fetch-depth: 0"
    });
  }
  ctx.progress("scanning git history");
  const total = git2.raw(["rev-list", "--all", "--count"]).then(
    (n) => Number.parseInt(n, 10) || 0,
    () => 0
  );
  const { rules } = state.policy;
  const stats = await scanHistory({ repo: state.options.repo, maxBlockBytes: state.options.maxFileBytes, signal: ctx.signal }, rules, (block, matches) => {
    state.collector.add({ kind: "history", file: block.file, commit: block.commit, ref: block.ref, date: block.date, lines: block.lines }, matches);
  });
  const { shares: _shares, ...counts2 } = stats;
  state.history = { ...state.history, ...counts2, commits: Math.max(stats.commits, await total), ms: performance.now() - started };
}
async function scanBundlesPart(state) {
  const { options, policy, collector } = state;
  state.bundles = await scanBundles(options.repo, state.workspace, options.bundles, options.maxFileBytes, state.counters, (piece) => {
    const origin = piece.source !== void 0 ? { kind: "bundle", file: piece.file, source: piece.source } : { kind: "bundle", file: piece.file };
    collector.add(origin, scanText(piece.text, policy.rules, piece.file));
  });
  if (options.bundles.length > 0 && state.bundles === 0) {
    state.errors.push({
      part: "bundles",
      message: `no file matches ${options.bundles.join(", ")} (relative globs are read under ${options.repo})`,
      fix: 'build first, or fix the --bundles glob: relative to --repo ("dist/**") or absolute ("$RUNNER_TEMP/out/**")'
    });
  }
}
async function scanLogsPart(state) {
  const { options, policy, collector } = state;
  const { logs, problems } = await readLogs(options.repo, state.workspace, options.logs, options.maxFileBytes, state.counters);
  for (const log of logs) collector.add({ kind: "log", file: log.file }, scanText(log.text, policy.rules, log.file));
  for (const problem of problems) state.errors.push({ part: "logs", message: problem, fix: "pass the path of a readable log file with --logs" });
}
var LIVE_SITE_BUDGET_MS = 6e4;
async function scanUrlsPart(state, ctx) {
  const { options, policy, collector } = state;
  if (options.urls.length === 0) return;
  for (const url of options.urls) ctx.secrets.addUrl(url);
  for (const url of options.urls) {
    try {
      const site = { maxBytes: options.maxFileBytes, maxScripts: 50, budgetMs: LIVE_SITE_BUDGET_MS, signal: ctx.signal, http: ctx.services.http };
      const result = await scanLiveSite(url, site, (doc) => {
        const origin = doc.source !== void 0 ? { kind: "url", url: doc.url, source: doc.source } : { kind: "url", url: doc.url };
        collector.add(origin, scanText(doc.text, policy.rules));
      });
      state.urlDocuments += result.documents;
      state.counters.bytes += result.bytes;
      for (const problem of result.problems) state.errors.push({ part: "urls", message: problem, fix: "check that the script and its source map are served" });
    } catch (error) {
      state.errors.push({ part: "urls", message: `${url}: ${reasonOf(error)}`, fix: "check that the URL answers 200 from where the gate runs" });
    }
  }
}
function summaryOf3(state, total, blockers) {
  const bits = [];
  if (state.options.history && state.isRepo) bits.push(`${state.history.commits.toLocaleString("en-US")} commits on ${state.history.refs} refs`);
  bits.push(`${state.counters.files.toLocaleString("en-US")} files`);
  if (state.options.urls.length > 0) bits.push(`${state.options.urls.length} live URL${state.options.urls.length === 1 ? "" : "s"}`);
  const places = state.collector.places;
  const verdict = total === 0 ? "no secret found" : `${total} secret${total === 1 ? "" : "s"} found to rotate (${blockers} blocker${blockers === 1 ? "" : "s"})${places > total ? `, in ${places} places` : ""}`;
  return `scanned ${bits.join(", ")}: ${verdict}`;
}

// src/stages/trust/config.ts
var HOSTNAME = "^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\\.[A-Za-z0-9_-]{1,63})*\\.?$";
var trustConfigSchema = {
  properties: {
    domain: {
      type: "string",
      pattern: HOSTNAME,
      description: "The apex domain of the launch (root and www are both expected to resolve).",
      errorMessage: "expected a domain name; e.g. example.com"
    },
    hostnames: {
      type: "array",
      items: { type: "string", pattern: HOSTNAME },
      default: [],
      description: "Public hostnames to check: DNS, TLS, HSTS, redirects, Cloudflare proxying. Default: the domain and www.<domain>.",
      errorMessage: "expected a list of hostnames; e.g. [example.com, www.example.com, app.example.com]"
    },
    canonical: {
      type: "string",
      description: "The one URL every entry point (http://, https://, root, www) should land on.",
      errorMessage: "expected an https URL; e.g. https://www.example.com/"
    },
    pages: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Pages to fetch: redirect chains and loops, mixed content, Set-Cookie with public caching.",
      errorMessage: "expected a list of URLs; e.g. [http://example.com/, https://www.example.com/pricing]"
    },
    privateRoutes: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Admin, webhook and login URLs that must never be cached by a CDN or proxy.",
      errorMessage: "expected a list of URLs; e.g. [https://admin.example.com/, https://api.example.com/webhooks/stripe]"
    },
    email: {
      type: "object",
      additionalProperties: false,
      description: "Sending domains to check for MX, SPF, DKIM, DMARC, MTA-STS and TLS-RPT.",
      errorMessage: "expected a mapping with domains; e.g. {domains: [{name: example.com, dkimSelectors: [google]}]}",
      properties: {
        domains: {
          type: "array",
          default: [],
          description: "One entry per domain that sends mail.",
          errorMessage: "expected a list of {name, dkimSelectors}; e.g. [{name: example.com, dkimSelectors: [google, s1]}]",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name"],
            properties: {
              name: {
                type: "string",
                pattern: HOSTNAME,
                description: "The sending domain (the part after @).",
                errorMessage: "expected a domain name; e.g. example.com"
              },
              dkimSelectors: {
                type: "array",
                items: { type: "string", pattern: "^[A-Za-z0-9_.-]+$" },
                default: [],
                description: "DKIM selectors your providers sign with (`google`, `s1`...).",
                errorMessage: "expected a list of selectors; e.g. [google, s1]"
              }
            }
          }
        }
      }
    },
    timeoutMs: {
      type: "integer",
      minimum: 100,
      maximum: 6e4,
      default: 5e3,
      description: "Per-request timeout for HTTP and TLS, in ms.",
      errorMessage: "expected milliseconds between 100 and 60000; e.g. 5000"
    },
    dnsTimeoutMs: {
      type: "integer",
      minimum: 50,
      maximum: 3e4,
      default: 1500,
      description: "Per-query DNS timeout, in ms.",
      errorMessage: "expected milliseconds between 50 and 30000; e.g. 1500"
    },
    dnsTries: {
      type: "integer",
      minimum: 1,
      maximum: 5,
      default: 2,
      description: "Tries per DNS query before the answer is `unknown`.",
      errorMessage: "expected a number from 1 to 5; e.g. 2"
    },
    maxRedirects: {
      type: "integer",
      minimum: 1,
      maximum: 20,
      default: 10,
      description: "Redirect hops followed before the chain is reported as a loop.",
      errorMessage: "expected a number from 1 to 20; e.g. 10"
    },
    maxBodyBytes: {
      type: "integer",
      minimum: 1024,
      maximum: 52428800,
      default: 5242880,
      description: "Bytes of a page read at most for the mixed-content scan.",
      errorMessage: "expected bytes between 1024 and 52428800; e.g. 5242880"
    },
    probeDkimSelectors: { type: "boolean", default: true, description: "Also look for common providers' DKIM selectors (google, selector1, k1...)." }
  }
};
var trustFlags = [
  {
    name: "host",
    type: "string",
    multiple: true,
    configKey: "hostnames",
    valueName: "NAME",
    description: "a hostname to check (repeat for more); replaces trust.hostnames"
  }
];
function normaliseHostname(name) {
  return name.trim().replace(/\.+$/, "").toLowerCase();
}
function trustNotConfigured(section) {
  const hostnames = stringsOf(section.hostnames);
  const emailDomains = emailDomainsOf(section).length;
  if (!section.domain && hostnames.length === 0 && emailDomains === 0) {
    return "Trust layer: no trust.domain, trust.hostnames or trust.email.domains configured; add e.g. trust: {domain: example.com}";
  }
  return void 0;
}
function urlProblem2(value, httpsOnly) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a valid URL; write a full URL with scheme and host, e.g. https://www.example.com/pricing`;
  }
  if (url.protocol !== "https:" && (httpsOnly || url.protocol !== "http:")) {
    return `"${value}" is not an ${httpsOnly ? "https" : "http(s)"} URL; e.g. https://www.example.com/`;
  }
  if (!url.hostname) return `"${value}" has no host; e.g. https://www.example.com/`;
  return void 0;
}
function validateTrustConfig(section) {
  const problems = [];
  if (typeof section.canonical === "string") {
    const problem = urlProblem2(section.canonical, true);
    if (problem) problems.push({ path: ["canonical"], message: problem });
  }
  stringsOf(section.resolvers).forEach((value, index) => {
    const problem = resolverProblem(value);
    if (problem) problems.push({ path: ["resolvers", index], message: problem });
  });
  for (const key of ["pages", "privateRoutes"]) {
    stringsOf(section[key]).forEach((value, index) => {
      const problem = urlProblem2(value, false);
      if (problem) problems.push({ path: [key, index], message: problem });
    });
  }
  return problems;
}
function emailDomainsOf(section) {
  return isRecord(section.email) ? recordsOf(section.email.domains) : [];
}
function readTrustConfig(given) {
  const section = withSchemaDefaults(trustConfigSchema, given);
  const domain = typeof section.domain === "string" ? normaliseHostname(section.domain) : void 0;
  let hostnames = read.strings(section, "hostnames").map(normaliseHostname);
  if (hostnames.length === 0 && domain) hostnames = [domain, `www.${domain}`];
  const config = {
    hostnames: [...new Set(hostnames)],
    pages: read.strings(section, "pages"),
    privateRoutes: read.strings(section, "privateRoutes"),
    emailDomains: emailDomainsOf(section).map((d2) => ({ name: normaliseHostname(String(d2.name)), dkimSelectors: stringsOf(d2.dkimSelectors) })),
    timeoutMs: read.number(section, "timeoutMs"),
    dnsTimeoutMs: read.number(section, "dnsTimeoutMs"),
    dnsTries: read.number(section, "dnsTries"),
    maxRedirects: read.number(section, "maxRedirects"),
    maxBodyBytes: read.number(section, "maxBodyBytes"),
    probeDkimSelectors: read.boolean(section, "probeDkimSelectors")
  };
  if (domain) config.domain = domain;
  if (typeof section.canonical === "string") config.canonical = section.canonical;
  return config;
}

// src/stages/trust/run.ts
import { setMaxListeners } from "node:events";

// src/stages/trust/cloudflare.ts
import { BlockList, isIP as isIP5 } from "node:net";

// src/stages/trust/data/cloudflare-ranges.json
var cloudflare_ranges_default = {
  source: "https://www.cloudflare.com/ips-v4 and https://www.cloudflare.com/ips-v6",
  date: "2026-11-28",
  note: "Cloudflare's published proxy ranges as listed at the source (the list has been stable since 2023). Written down on the date above without a network fetch: refresh from the source URLs when Cloudflare announces new ranges.",
  ipv4: [
    "173.245.48.0/20",
    "103.21.244.0/22",
    "103.22.200.0/22",
    "103.31.4.0/22",
    "141.101.64.0/18",
    "108.162.192.0/18",
    "190.93.240.0/20",
    "188.114.96.0/20",
    "197.234.240.0/22",
    "198.41.128.0/17",
    "162.158.0.0/15",
    "104.16.0.0/13",
    "104.24.0.0/14",
    "172.64.0.0/13",
    "131.0.72.0/22"
  ],
  ipv6: [
    "2400:cb00::/32",
    "2606:4700::/32",
    "2803:f800::/32",
    "2405:b500::/32",
    "2405:8100::/32",
    "2a06:98c0::/29",
    "2c0f:f248::/32"
  ]
};

// src/stages/trust/cloudflare.ts
var proxyRanges = new BlockList();
for (const cidr of cloudflare_ranges_default.ipv4) addRange(cidr, "ipv4");
for (const cidr of cloudflare_ranges_default.ipv6) addRange(cidr, "ipv6");
function addRange(cidr, family) {
  const [network, bits] = cidr.split("/");
  proxyRanges.addSubnet(network, Number(bits), family);
}
var CLOUDFLARE_RANGES_DATE = cloudflare_ranges_default.date;
function isCloudflareAddress(address) {
  const family = isIP5(address);
  if (family === 0) return false;
  return proxyRanges.check(address, family === 4 ? "ipv4" : "ipv6");
}

// src/stages/trust/dns.ts
import { getServers, promises as dnsPromises2 } from "node:dns";

// src/stages/trust/dns-rcode.ts
import { createSocket } from "node:dgram";
import { randomInt } from "node:crypto";
import { isIP as isIP6 } from "node:net";
var TYPE_CODES = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, CAA: 257, PTR: 12, SPF: 99 };
var RCODE_NAMES = {
  1: "FORMERR",
  2: "SERVFAIL",
  4: "NOTIMP",
  5: "REFUSED",
  6: "YXDOMAIN",
  7: "YXRRSET",
  8: "NXRRSET",
  9: "NOTAUTH",
  10: "NOTZONE",
  11: "DSOTYPENI"
};
function encodeQuestion(name, type) {
  const labels = name.replace(/\.$/, "").split(".");
  const bytes = [];
  for (const label of labels) {
    const encoded = Buffer.from(label, "utf8");
    if (encoded.length === 0 || encoded.length > 63) return void 0;
    bytes.push(encoded.length, ...encoded);
  }
  bytes.push(0, type >> 8, type & 255, 0, 1);
  return Buffer.from(bytes);
}
function verdictOfReply(reply, id, question) {
  if (reply.length < 12 + question.length || reply.readUInt16BE(0) !== id) return void 0;
  const flags = reply.readUInt16BE(2);
  const isResponse = (flags & 32768) !== 0;
  const opcode = flags >> 11 & 15;
  if (!isResponse || opcode !== 0 || reply.readUInt16BE(4) !== 1) return void 0;
  if (reply.subarray(12, 12 + question.length).toString("latin1").toLowerCase() !== question.toString("latin1").toLowerCase())
    return void 0;
  if ((flags & 512) !== 0) return { status: "unchecked" };
  const rcode = flags & 15;
  if (rcode === 3) return { status: "missing", reason: "NXDOMAIN" };
  if (rcode === 0) return { status: "missing", reason: "NODATA" };
  return { status: "unknown", reason: RCODE_NAMES[rcode] ?? `rcode ${rcode}` };
}
function askServer(host, port, packet, id, question, timeoutMs) {
  return new Promise((resolve10) => {
    const socket = createSocket(isIP6(host) === 6 ? "udp6" : "udp4");
    let invalid = false;
    const finish = (answer) => {
      clearTimeout(timer);
      socket.removeAllListeners("message");
      socket.close();
      resolve10(answer);
    };
    const timer = setTimeout(() => finish({ status: "unknown", reason: invalid ? "malformed answer" : "timeout" }), timeoutMs);
    socket.on("error", () => finish({ status: "unknown", reason: "resolver unreachable" }));
    socket.on("message", (reply) => {
      const verdict = verdictOfReply(reply, id, question);
      if (verdict) finish(verdict);
      else invalid = true;
    });
    socket.send(packet, port, host);
  });
}
async function confirmMissing(name, type, servers, timeoutMs) {
  const code = TYPE_CODES[type];
  const question = code === void 0 ? void 0 : encodeQuestion(name, code);
  if (!question || servers.length === 0) return { status: "unchecked" };
  let last = { status: "unchecked" };
  for (const server of servers) {
    const { host, port } = splitHostPort(server, 53);
    const id = randomInt(0, 65536);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(256, 2);
    header.writeUInt16BE(1, 4);
    last = await askServer(host, port, Buffer.concat([header, question]), id, question, timeoutMs);
    if (last.status !== "unknown" || !["timeout", "resolver unreachable"].includes(last.reason)) return last;
  }
  return last;
}

// src/stages/trust/dns.ts
function verdictOfError(error) {
  return dnsAnswerOfError(error);
}
function resolverAddresses(servers) {
  return servers.map((server) => serverAddress(server, 53, "resolver"));
}
async function createDnsClient(options) {
  const resolver = new dnsPromises2.Resolver({ timeout: options.timeoutMs, tries: options.tries });
  if (options.servers.length > 0) resolver.setServers(resolverAddresses(options.servers));
  const cache = /* @__PURE__ */ new Map();
  const servers = options.servers.length > 0 ? options.servers : getServers();
  const confirm = async (name, type, verdict) => {
    if (verdict.status !== "missing") return verdict;
    const answer = await confirmMissing(name, type, servers, options.timeoutMs);
    return answer.status === "unchecked" ? verdict : answer;
  };
  const ask2 = async (name, type) => {
    try {
      return { status: "found", records: await recordsOf2(resolver, name, type) };
    } catch (error) {
      return confirm(name, type, verdictOfError(error));
    }
  };
  return {
    query(name, type) {
      const key = `${type} ${name}`;
      let answer = cache.get(key);
      if (!answer) cache.set(key, answer = ask2(name, type));
      return answer;
    },
    raw: async (name, type) => {
      try {
        const answer = await resolver.resolve(name, type);
        return Array.isArray(answer) ? answer : [answer];
      } catch (error) {
        const verdict = await confirm(name, type, verdictOfError(error));
        if (verdict.status === "unknown") throw Object.assign(new Error(`${type} ${name}: ${verdict.reason}`), { code: "EBADRESP" });
        throw error;
      }
    }
  };
}
function addressResolver(dns) {
  return async (host) => {
    for (const type of ["A", "AAAA"]) {
      const answer = await dns.query(host, type);
      if (answer.status === "found" && answer.records[0]) return answer.records[0].value;
      if (answer.status === "unknown") throw new Error(`DNS for ${host} is unknown (${answer.reason})`);
    }
    throw new Error(`${host} has no address`);
  };
}

// src/stages/trust/dns-checks.ts
var MAX_LAUNCH_TTL = 3600;
function resolutionOf(dns) {
  const addresses = [dns.a, dns.aaaa].flatMap((v2) => v2.status === "found" ? v2.records.map((r2) => r2.value) : []);
  if (addresses.length > 0) return { status: "found", addresses };
  const unknown = [dns.a, dns.aaaa].find((v2) => v2.status === "unknown");
  if (unknown && unknown.status === "unknown") return { status: "unknown", reason: unknown.reason };
  const reasons = [dns.a, dns.aaaa].map((v2) => v2.status === "missing" ? v2.reason : "");
  return { status: "missing", reason: reasons.includes("NXDOMAIN") ? "NXDOMAIN" : "NODATA" };
}
function recordsOf3(dns) {
  return [dns.cname, dns.a, dns.aaaa, dns.caa].flatMap((v2) => v2.status === "found" ? v2.records : []);
}
function hostDnsFindings(dns, paths) {
  const host = dns.host;
  const location = { host };
  const findings = [];
  const resolution = resolutionOf(dns);
  const cnameTarget = dns.cname.status === "found" ? dns.cname.records[0]?.value : void 0;
  if (resolution.status === "missing" && cnameTarget) {
    findings.push({
      ruleId: "dns-dangling-cname",
      severity: "blocker",
      title: `${host} is a CNAME to ${cnameTarget}, which does not resolve (${resolution.reason}): the site is down and the name can be taken over`,
      fix: `point ${host} at a live target, or delete the record if the service behind ${cnameTarget} is gone`,
      paths,
      location,
      evidence: `CNAME ${cnameTarget}; A: ${resolution.reason}`
    });
  } else if (resolution.status === "missing") {
    findings.push({
      ruleId: "dns-missing",
      severity: "blocker",
      title: `${host} does not resolve (${resolution.reason}): visitors get "site can't be reached"`,
      fix: `add an A/AAAA or CNAME record for ${host} at your DNS provider`,
      paths,
      location,
      evidence: `A: ${resolution.reason}`
    });
  } else if (resolution.status === "unknown") {
    findings.push({
      ruleId: "dns-unknown",
      severity: "high",
      title: `could not tell whether ${host} resolves: the resolver answered ${resolution.reason}`,
      fix: "check the DNS provider's status and the resolvers in trust.resolvers, then run again; this is not a missing record",
      paths,
      location,
      evidence: `A: ${resolution.reason}`
    });
  }
  const long = recordsOf3(dns).filter((r2) => r2.ttl !== void 0 && r2.ttl > MAX_LAUNCH_TTL);
  if (long.length > 0) {
    findings.push({
      ruleId: "dns-ttl-long",
      severity: "low",
      title: `${host} has a TTL of ${Math.max(...long.map((r2) => r2.ttl))} s: a change at launch takes that long to reach everyone`,
      fix: `lower the TTL of ${host} to 300 s a day before you change the record; raise it again after launch`,
      paths,
      location,
      evidence: long.map((r2) => `${r2.type} ${r2.value} ttl=${r2.ttl}`).join(", ")
    });
  }
  if (dns.caa.status === "missing") {
    findings.push({
      ruleId: "dns-caa-missing",
      severity: "info",
      title: `${host} has no CAA record: any certificate authority may issue for it`,
      fix: `optionally add a CAA record naming your CA, e.g. 0 issue "letsencrypt.org"`,
      paths,
      location
    });
  }
  return findings;
}
function rootAndWwwFindings(domain, root, www) {
  const findings = [];
  for (const [name, resolution] of [
    [domain, root],
    [`www.${domain}`, www]
  ]) {
    if (resolution.status !== "missing") continue;
    findings.push({
      ruleId: "dns-root-www",
      severity: "blocker",
      title: `${name} does not resolve (${resolution.reason}): people who type it get an error`,
      fix: `add a record for ${name} that redirects to your canonical URL`,
      paths: ["homepage"],
      location: { host: name },
      evidence: `A: ${resolution.reason}`
    });
  }
  return findings;
}

// src/stages/trust/tls-checks.ts
var DAY_MS = 864e5;
var HSTS_MIN_SECONDS = 31536e3;
function daysLeft(notAfter, now) {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}
function expirySeverity(days) {
  if (days < 7) return "blocker";
  if (days < 21) return "high";
  if (days < 30) return "medium";
  return void 0;
}
var INCOMPLETE_CHAIN = /* @__PURE__ */ new Set(["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT"]);
var EXPIRED = /* @__PURE__ */ new Set(["CERT_HAS_EXPIRED"]);
function tlsFindings(probe2, paths, now) {
  const host = probe2.host;
  const location = { host, url: `https://${host}/` };
  if (!probe2.connected) {
    return [
      {
        ruleId: "tls-no-answer",
        severity: "blocker",
        title: `https://${host}/ does not complete a TLS handshake: ${probe2.error ?? "no answer"}`,
        fix: `serve HTTPS on ${host} (port 443) with a certificate for the name, or remove the hostname from the launch`,
        paths,
        location
      }
    ];
  }
  const findings = [];
  const evidence = `issuer: ${probe2.issuer ?? "?"}; notAfter: ${probe2.notAfter ?? "?"}${probe2.san ? `; ${probe2.san}` : ""}`;
  if (probe2.chainError && INCOMPLETE_CHAIN.has(probe2.chainError)) {
    findings.push({
      ruleId: "tls-incomplete-chain",
      severity: "high",
      title: `${host} does not send its intermediate certificate: some browsers, phones and API clients reject it`,
      fix: "serve the full chain (leaf + intermediates, e.g. fullchain.pem), not the leaf certificate alone",
      paths,
      location,
      evidence: `${probe2.chainError}; ${evidence}`
    });
  } else if (probe2.chainError && !EXPIRED.has(probe2.chainError)) {
    findings.push({
      ruleId: "tls-untrusted",
      severity: "blocker",
      title: `${host}'s certificate is not trusted (${probe2.chainError}): browsers show a security warning`,
      fix: "use a certificate from a public CA (e.g. Let's Encrypt) and serve its full chain",
      paths,
      location,
      evidence
    });
  }
  if (probe2.nameError) {
    findings.push({
      ruleId: "tls-name-mismatch",
      severity: "blocker",
      title: `${host}'s certificate does not cover the name ${host}: browsers show a security warning`,
      fix: `issue a certificate whose SAN list includes ${host} (or a matching wildcard)`,
      paths,
      location,
      evidence
    });
  }
  if (probe2.badDate) findings.push(badDateFinding(probe2, paths, evidence));
  if (probe2.notAfter) {
    const days = daysLeft(probe2.notAfter, now);
    const severity = days < 0 || probe2.chainError === "CERT_HAS_EXPIRED" ? "blocker" : expirySeverity(days);
    if (severity) {
      findings.push({
        ruleId: days < 0 ? "tls-expired" : "tls-expiring",
        severity,
        title: days < 0 ? `${host}'s certificate expired ${Math.max(1, Math.trunc((now.getTime() - Date.parse(probe2.notAfter)) / DAY_MS))} day(s) ago: browsers block the site` : `${host}'s certificate expires in ${days} day(s)`,
        fix: "renew the certificate now and check that automatic renewal (certbot, your host's ACME) runs",
        paths,
        location,
        evidence
      });
    }
  }
  return findings;
}
function badDateFinding(probe2, paths, evidence) {
  return {
    ruleId: "tls-bad-date",
    severity: "blocker",
    title: `${probe2.host}'s certificate has an expiry date that cannot be read (${probe2.badDate}): browsers reject it as invalid`,
    fix: "reissue the certificate from your CA or ACME client; a well-formed certificate states its validity in UTCTime or GeneralizedTime",
    paths,
    location: { host: probe2.host, url: `https://${probe2.host}/` },
    evidence
  };
}
function legacyTlsFinding(host, version, paths) {
  return {
    ruleId: "tls-legacy-version",
    severity: "medium",
    title: `${host} still accepts ${version}`,
    fix: "set the minimum TLS version to 1.2 at your load balancer, CDN or web server",
    paths,
    location: { host },
    evidence: `handshake completed with ${version}`
  };
}
function hstsFindings(host, headers, paths) {
  const location = { host, url: `https://${host}/` };
  const raw = headers["strict-transport-security"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) {
    return [
      {
        ruleId: "hsts-missing",
        severity: "medium",
        title: `${host} sends no Strict-Transport-Security header: a first visit over http:// can be intercepted`,
        fix: "send Strict-Transport-Security: max-age=31536000; includeSubDomains on every HTTPS answer",
        paths,
        location
      }
    ];
  }
  const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(value)?.[1] ?? "0");
  const findings = [];
  if (maxAge < HSTS_MIN_SECONDS) {
    findings.push({
      ruleId: "hsts-short",
      severity: "medium",
      title: `${host}'s HSTS max-age is ${maxAge} s, under a year`,
      fix: "raise max-age to 31536000 (one year) once HTTPS works on every subdomain",
      paths,
      location,
      evidence: value
    });
  }
  return findings;
}
function hstsNote(headers) {
  const raw = headers["strict-transport-security"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(value)?.[1] ?? "0");
  return [
    `max-age ${maxAge} s`,
    /includesubdomains/i.test(value) ? "includeSubDomains" : "no includeSubDomains",
    /preload/i.test(value) ? "preload" : "not preloaded"
  ].join(", ");
}

// src/stages/trust/domain-map.ts
function landingOf(chain) {
  if (!chain) return null;
  return {
    finalUrl: chain.finalUrl,
    hops: chain.hops.filter((h3) => h3.location !== void 0).length,
    status: chain.end === "answered" ? chain.final?.status ?? 0 : chain.end
  };
}
function domainMapRow(input) {
  const tls = input.tls;
  return {
    host: input.host,
    dns: input.dns,
    records: input.records.map((r2) => ({ type: r2.type, value: r2.value, ttl: r2.ttl ?? null })),
    proxied: input.proxied,
    certificate: tls?.connected && tls.notAfter ? { issuer: tls.issuer ?? "", notAfter: tls.notAfter, daysLeft: daysLeft(tls.notAfter, input.now) } : null,
    hsts: input.hsts ?? null,
    http: landingOf(input.http),
    https: landingOf(input.https)
  };
}
function domainMapBlock(rows) {
  return {
    kind: "table",
    title: "Domain map",
    columns: ["Host", "Records", "Proxied", "Certificate", "HTTP", "HTTPS"],
    rows: rows.map((row) => [
      row.dns === "found" || row.dns === "ok" ? { code: row.host } : { code: row.host, note: `(${row.dns})` },
      row.records.length > 0 ? row.records.map((r2) => `${r2.type} ${r2.value}${r2.ttl !== null ? ` (ttl ${r2.ttl})` : ""}`).join("\n") : "none",
      row.proxied,
      row.certificate ? `${row.certificate.issuer}, until ${row.certificate.notAfter} (${row.certificate.daysLeft} days)` : "none",
      landingText(row.http),
      landingText(row.https)
    ])
  };
}
function landingText(landing) {
  if (!landing) return "no answer";
  const details = [landing.status !== 200 ? String(landing.status) : "", `${landing.hops} hop${landing.hops === 1 ? "" : "s"}`].filter(Boolean).join(", ");
  return `\u2192 ${landing.finalUrl} (${details})`;
}

// src/stages/trust/email.ts
var import_tldts = __toESM(require_cjs(), 1);
import { createPublicKey } from "node:crypto";

// src/stages/trust/dmarc.ts
var POLICIES = ["none", "quarantine", "reject"];
var isPolicy = (value) => isOneOf(POLICIES, value);
function closestPolicy(value) {
  const score = (policy) => {
    let i = 0;
    for (const c3 of value.toLowerCase()) if (policy[i] === c3) i++;
    return i;
  };
  return [...POLICIES].sort((a, b3) => score(b3) - score(a))[0];
}
function reportUris(value) {
  const ok = [];
  const bad = [];
  for (const raw of value.split(",")) {
    const uri = raw.trim();
    if (uri === "") continue;
    const address = uri.slice(7).split("!")[0];
    if (uri.slice(0, 7).toLowerCase() === "mailto:" && address.includes("@") && !address.includes(" ")) ok.push(uri);
    else bad.push(uri);
  }
  return { ok, bad };
}
function looksLikeDmarc(text2) {
  const compact = text2.trimStart().slice(0, 16).replace(/\s/g, "").toLowerCase();
  return compact.startsWith("v=dmarc1");
}
function parseDmarc(record) {
  const out = { valid: true, errors: [], policy: "none", pct: 100, rua: [], ruaInvalid: [], ruf: [], rufInvalid: [] };
  const usesCommas = !record.includes(";") && record.includes(",") && /,\s*p\s*=/i.test(record);
  const tags = /* @__PURE__ */ new Map();
  const parts = (usesCommas ? record.split(",") : record.split(";")).map((t2) => t2.trim()).filter((t2) => t2 !== "");
  parts.forEach((part, index) => {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : part.slice(eq + 1).trim();
    if (index === 0 && name !== "v") return;
    if (!tags.has(name)) tags.set(name, value);
  });
  const version = usesCommas ? "DMARC1" : tags.get("v") ?? "";
  if (usesCommas) {
    out.valid = false;
    out.errors.push('tags are separated by commas; DMARC separates them with semicolons, so receivers read one tag "v" and discard the record');
  } else if (parts[0] === void 0 || !/^v\s*=/i.test(parts[0]) || version !== "DMARC1") {
    out.valid = false;
    out.errors.push(`the record must start with v=DMARC1 (found "${(parts[0] ?? "").slice(0, 40)}")`);
  }
  const rua = reportUris(tags.get("rua") ?? "");
  const ruf = reportUris(tags.get("ruf") ?? "");
  out.rua = rua.ok;
  out.ruaInvalid = rua.bad;
  out.ruf = ruf.ok;
  out.rufInvalid = ruf.bad;
  const p2 = (tags.get("p") ?? "").toLowerCase();
  let correctedPolicy;
  if (isPolicy(p2)) out.policy = p2;
  else {
    correctedPolicy = p2 === "" ? "none" : closestPolicy(p2);
    out.errors.push(
      p2 === "" ? "p= is missing: receivers treat the record as p=none" : `p=${tags.get("p")} is not a policy (none, quarantine, reject): receivers treat it as p=none (RFC 7489 6.6.3)`
    );
    if (out.rua.length === 0 && out.valid) {
      out.valid = false;
      out.errors.push("and with no valid rua= either, receivers apply no DMARC processing at all");
    }
  }
  const sp = tags.get("sp");
  if (sp !== void 0) {
    const subdomainPolicy = sp.toLowerCase();
    if (isPolicy(subdomainPolicy)) out.subdomainPolicy = subdomainPolicy;
    else out.errors.push(`sp=${sp} is not a policy (none, quarantine, reject): subdomains get p=none`);
  }
  const pct2 = tags.get("pct");
  if (pct2 !== void 0) {
    if (/^\d{1,3}$/.test(pct2) && Number(pct2) <= 100) out.pct = Number(pct2);
    else out.errors.push(`pct=${pct2} is not a number from 0 to 100: receivers use 100`);
  }
  const corrected = correctedRecord(tags, out, correctedPolicy);
  if (corrected !== record.trim()) out.corrected = corrected;
  return out;
}
function correctedRecord(tags, parsed, policy) {
  const fixUris = (ok, bad) => [...ok, ...bad.map((u2) => u2.includes("@") && !u2.includes(":") ? `mailto:${u2}` : u2)].join(",");
  const out = ["v=DMARC1", `p=${policy ?? parsed.policy}`];
  for (const [name, value] of tags) {
    if (name === "v" || name === "p") continue;
    if (name === "rua") out.push(`rua=${fixUris(parsed.rua, parsed.ruaInvalid)}`);
    else if (name === "ruf") out.push(`ruf=${fixUris(parsed.ruf, parsed.rufInvalid)}`);
    else out.push(`${name}=${value}`);
  }
  return out.join("; ");
}

// src/stages/trust/email-facts.ts
function mailFinding(facts, ruleId, severity, title, fix, evidence) {
  const finding = { ruleId, severity, title, fix, paths: ["email"], location: { host: facts.domain } };
  if (evidence !== void 0) finding.evidence = evidence.slice(0, 1e3);
  return finding;
}
function unknownFinding(facts, what, reason) {
  return mailFinding(
    facts,
    "email-dns-unknown",
    "high",
    `could not check ${what} of ${facts.domain}: the resolver answered ${reason}`,
    "check your DNS provider and trust.resolvers, then run again; this is not a missing record",
    `${what}: ${reason}`
  );
}
function asReceived(record) {
  return record.parts && record.parts.length > 1 ? record.parts.map((p2) => `"${p2}"`).join(" ") : record.value;
}

// src/stages/trust/spf-record.ts
import { isIP as isIP7 } from "node:net";
var MAX_BAD_TERMS = 20;
var MECHANISMS = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];
var QUALIFIERS = ["+", "-", "~", "?"];
var NEEDS_DOMAIN = /* @__PURE__ */ new Set(["include", "exists"]);
var MACRO_LETTERS = "slodiphv";
var clip = (text2, max = 60) => text2.length > max ? `${text2.slice(0, max)}\u2026` : text2;
var isAlpha = (c3) => c3 >= "a" && c3 <= "z" || c3 >= "A" && c3 <= "Z";
var isDigit2 = (c3) => c3 >= "0" && c3 <= "9";
var isAlnum = (c3) => isAlpha(c3) || isDigit2(c3);
function isSpfRecord(text2) {
  return text2.length >= 6 && text2.slice(0, 6).toLowerCase() === "v=spf1" && (text2.length === 6 || text2[6] === " ");
}
function macroProblem(spec, inExp = false) {
  for (let i = 0; i < spec.length; i++) {
    const c3 = spec[i];
    const code = c3.charCodeAt(0);
    if (code < 33 || code > 126) return "a character outside visible ASCII";
    if (c3 !== "%") continue;
    const next = spec[i + 1];
    if (next === "%" || next === "_" || next === "-") {
      i++;
      continue;
    }
    if (next !== "{") return 'a "%" that does not start a macro';
    const close = spec.indexOf("}", i + 2);
    if (close < 0) return 'a macro without its closing "}"';
    const body = spec.slice(i + 2, close);
    const letter = (body[0] ?? "").toLowerCase();
    if (!MACRO_LETTERS.includes(letter) && !(inExp && "crt".includes(letter))) return `the macro letter "${body[0] ?? ""}"`;
    let j3 = 1;
    while (j3 < body.length && isDigit2(body[j3])) j3++;
    if (body[j3] === "r" || body[j3] === "R") j3++;
    for (; j3 < body.length; j3++) if (!".-+,/_=".includes(body[j3])) return `the macro delimiter "${body[j3]}"`;
    i = close;
  }
  return void 0;
}
function domainSpecProblem(spec) {
  if (spec === "") return "an empty domain";
  const macro = macroProblem(spec);
  if (macro) return macro;
  const trimmed = spec.endsWith(".") ? spec.slice(0, -1) : spec;
  if (trimmed.endsWith("}")) return void 0;
  const dot = trimmed.lastIndexOf(".");
  if (dot < 0) return "a name without a dot";
  const top = trimmed.slice(dot + 1);
  if (top === "") return "an empty label";
  let letter = false;
  for (const c3 of top) {
    if (isAlpha(c3)) letter = true;
    else if (!isDigit2(c3) && c3 !== "-") return `the top label "${top}"`;
  }
  if (!letter || top.startsWith("-") || top.endsWith("-")) return `the top label "${top}"`;
  return void 0;
}
function splitCidr(arg) {
  let rest = arg;
  let cidr6;
  let cidr4;
  const takeNumber = (text2) => {
    let j3 = text2.length;
    while (j3 > 0 && isDigit2(text2[j3 - 1])) j3--;
    if (j3 === text2.length || text2[j3 - 1] !== "/") return { head: text2 };
    const digits = text2.slice(j3);
    return { head: text2.slice(0, j3 - 1), value: digits.length > 1 && digits.startsWith("0") ? Number.NaN : Number(digits) };
  };
  const last = takeNumber(rest);
  if (last.value !== void 0) {
    if (last.head.endsWith("/")) {
      cidr6 = last.value;
      rest = last.head.slice(0, -1);
      const first = takeNumber(rest);
      if (first.value !== void 0) {
        cidr4 = first.value;
        rest = first.head;
      }
    } else {
      cidr4 = last.value;
      rest = last.head;
    }
  }
  if (cidr4 !== void 0 && !(cidr4 >= 0 && cidr4 <= 32)) return { rest, problem: "an IPv4 prefix length outside 0-32" };
  if (cidr6 !== void 0 && !(cidr6 >= 0 && cidr6 <= 128)) return { rest, problem: "an IPv6 prefix length outside 0-128" };
  return { rest, cidr4, cidr6 };
}
function ipNetwork(arg, version) {
  const slash = arg.indexOf("/");
  const network = slash < 0 ? arg : arg.slice(0, slash);
  if (isIP7(network) !== version) return { why: `"${clip(network)}" is not an IPv${version} address` };
  if (slash < 0) return { network };
  const digits = arg.slice(slash + 1);
  const max = version === 4 ? 32 : 128;
  if (digits === "" || ![...digits].every(isDigit2) || digits.length > 1 && digits.startsWith("0") || Number(digits) > max)
    return { why: `an IPv${version} prefix length outside 0-${max}` };
  return { network, prefix: Number(digits) };
}
function parseTerm(text2) {
  let i = 0;
  let qualifier = "+";
  const first = text2[0];
  if (isOneOf(QUALIFIERS, first)) {
    qualifier = first;
    i = 1;
  }
  let end = i;
  while (end < text2.length && (isAlnum(text2[end]) || "-_.".includes(text2[end]))) end++;
  const name = text2.slice(i, end).toLowerCase();
  const sep3 = text2[end];
  if (sep3 === "=" && i === 0 && name !== "" && isAlpha(name[0])) {
    const value = text2.slice(end + 1);
    if (name === "redirect" || name === "exp") {
      const problem = domainSpecProblem(value);
      if (problem) return { why: `${name}= with ${problem}` };
    } else {
      const problem = macroProblem(value);
      if (problem) return { why: `a modifier with ${problem}` };
    }
    return { term: { kind: "modifier", text: text2, name, value } };
  }
  if (!isOneOf(MECHANISMS, name)) return { why: name === "" ? "not a mechanism or modifier" : `"${clip(name)}" is not a mechanism` };
  const mechanism2 = name;
  let arg = "";
  if (sep3 === ":") arg = text2.slice(end + 1);
  else if (sep3 === "/" && (mechanism2 === "a" || mechanism2 === "mx")) arg = text2.slice(end);
  else if (sep3 !== void 0) return { why: `"${clip(text2)}" is not a mechanism` };
  if (sep3 === ":" && arg === "") return { why: `${mechanism2}: without a value` };
  const term = { kind: "mechanism", text: text2, qualifier, name: mechanism2 };
  switch (mechanism2) {
    case "all":
      return arg === "" && sep3 === void 0 ? { term } : { why: "all takes no value" };
    case "ip4":
    case "ip6": {
      if (sep3 !== ":") return { why: `${mechanism2} without an address` };
      const { network, prefix, why } = ipNetwork(arg, mechanism2 === "ip4" ? 4 : 6);
      if (why || network === void 0) return { why: why ?? "no address" };
      const out = { ...term, network };
      if (prefix !== void 0) out[mechanism2 === "ip4" ? "cidr4" : "cidr6"] = prefix;
      return { term: out };
    }
    default: {
      const { rest, cidr4, cidr6, problem } = mechanism2 === "a" || mechanism2 === "mx" ? splitCidr(arg) : { rest: arg, cidr4: void 0, cidr6: void 0, problem: void 0 };
      if (problem) return { why: problem };
      if (NEEDS_DOMAIN.has(mechanism2) && rest === "") return { why: `${mechanism2} without a domain` };
      if (rest !== "") {
        const domainProblem = domainSpecProblem(rest);
        if (domainProblem) return { why: `${mechanism2}:${clip(rest)} has ${domainProblem}` };
      }
      const out = { ...term };
      if (rest !== "") out.domain = rest;
      if (cidr4 !== void 0) out.cidr4 = cidr4;
      if (cidr6 !== void 0) out.cidr6 = cidr6;
      return { term: out };
    }
  }
}
function parseSpf(record) {
  const terms = [];
  const bad = [];
  const seen = /* @__PURE__ */ new Set();
  for (const text2 of record.slice(6).split(" ")) {
    if (text2 === "") continue;
    const { term, why } = parseTerm(text2);
    if (!term) {
      if (bad.length < MAX_BAD_TERMS) bad.push({ term: text2, why: why ?? "not understood" });
      continue;
    }
    if (term.kind === "modifier" && (term.name === "redirect" || term.name === "exp")) {
      if (seen.has(term.name) && bad.length < MAX_BAD_TERMS) bad.push({ term: text2, why: `${term.name}= given twice` });
      seen.add(term.name);
    }
    terms.push(term);
  }
  return { terms, bad };
}
function expandMacros(spec, context) {
  const at2 = context.sender.lastIndexOf("@");
  const values = {
    s: context.sender,
    l: at2 > 0 ? context.sender.slice(0, at2) : "postmaster",
    o: at2 >= 0 ? context.sender.slice(at2 + 1) : context.sender,
    d: context.domain,
    i: context.ip,
    p: "unknown",
    h: context.helo,
    v: "in-addr"
  };
  let out = "";
  for (let i = 0; i < spec.length; i++) {
    const c3 = spec[i];
    if (c3 !== "%") {
      out += c3;
      continue;
    }
    const next = spec[i + 1];
    if (next === "%") out += "%";
    else if (next === "_") out += " ";
    else if (next === "-") out += "%20";
    if (next !== "{") {
      i++;
      continue;
    }
    const close = spec.indexOf("}", i + 2);
    const body = spec.slice(i + 2, close < 0 ? spec.length : close);
    i = close < 0 ? spec.length : close;
    let j3 = 1;
    while (j3 < body.length && isDigit2(body[j3])) j3++;
    const keep = j3 > 1 ? Number(body.slice(1, j3)) : void 0;
    const reverse = body[j3] === "r" || body[j3] === "R";
    const delimiters = body.slice(reverse ? j3 + 1 : j3) || ".";
    let parts = [];
    let current = "";
    for (const ch of values[(body[0] ?? "").toLowerCase()] ?? "") {
      if (delimiters.includes(ch)) {
        parts.push(current);
        current = "";
      } else current += ch;
    }
    parts.push(current);
    if (reverse) parts = parts.reverse();
    if (keep !== void 0 && keep > 0) parts = parts.slice(-keep);
    out += parts.join(".");
  }
  return out.endsWith(".") ? out.slice(0, -1) : out;
}
function dnsNameProblem(name) {
  if (name.length === 0 || name.length > 253) return "a name longer than 253 characters";
  for (const label of name.split(".")) {
    if (label.length === 0) return "an empty label";
    if (label.length > 63) return "a label longer than 63 characters";
    for (const c3 of label) if (!(isAlnum(c3) || c3 === "-" || c3 === "_")) return `the character "${c3}"`;
  }
  return void 0;
}
function seamsWithoutSpace(parts) {
  const seams = [];
  for (let k2 = 0; k2 + 1 < parts.length; k2++) {
    const left = parts[k2];
    const right = parts[k2 + 1];
    if (left === "" || right === "" || left.endsWith(" ") || right.startsWith(" ")) continue;
    const tailStart = left.lastIndexOf(" ") + 1;
    const headEnd = right.indexOf(" ");
    const head = headEnd < 0 ? right : right.slice(0, headEnd);
    if (parseTerm(head).term && tailStart < left.length && parseTerm(left.slice(tailStart)).term)
      seams.push({ index: k2, left: left.slice(tailStart), right: head });
  }
  return seams;
}

// src/stages/trust/spf-walk.ts
var MAX_SPF_LOOKUPS = 10;
var MAX_VOID_LOOKUPS = 2;
var WALK_LIMIT = 40;
var MAX_MX_NAMES = 10;
var spfRecordsOf = (verdict) => verdict.status === "found" ? verdict.records.filter((r2) => isSpfRecord(r2.value)) : [];
async function ask(state, name, type) {
  const verdict = await state.lookup(name, type);
  if (verdict.status === "unknown") {
    state.unknown ??= { name: `${type} ${name}`, reason: verdict.reason };
    return void 0;
  }
  if (verdict.status === "missing") state.voidLookups++;
  return verdict;
}
function targetOf(state, spec, domain, record, term) {
  const name = expandMacros(spec, { ...state.context, domain });
  const problem = dnsNameProblem(name);
  if (!problem) return name.toLowerCase();
  state.problems.push({ kind: "unresolvable", domain, record, term, why: `"${name}" is not a name DNS can look up (${problem})` });
  return void 0;
}
async function follow(state, target, chain, domain, record, term) {
  if (chain.includes(target)) {
    state.problems.push({ kind: "loop", domain, record, term, why: `${target} includes itself again` });
    return;
  }
  const verdict = await ask(state, target, "TXT");
  if (!verdict) return;
  const records = spfRecordsOf(verdict);
  if (records.length === 0) {
    state.problems.push({
      kind: "no-record",
      domain,
      record,
      term,
      why: `${target} has no SPF record${verdict.status === "missing" ? ` (${verdict.reason})` : ""}`
    });
    return;
  }
  if (records.length > 1) {
    state.problems.push({ kind: "multiple-records", domain, record, term, why: `${target} has ${records.length} SPF records` });
    return;
  }
  await walkRecord(state, target, records[0].value, records[0].parts ?? [records[0].value], [...chain, target]);
}
async function mechanism(state, term, domain, record, chain) {
  if (term.name === "ip4" || term.name === "ip6" || term.name === "all") return;
  state.lookups++;
  if (term.name === "ptr") {
    state.ptr.push({ domain, term: term.text });
    return;
  }
  if (term.name === "include") {
    const target = targetOf(state, term.domain ?? "", domain, record, term.text);
    if (target) await follow(state, target, chain, domain, record, term.text);
    return;
  }
  const name = expandMacros(term.domain ?? domain, { ...state.context, domain });
  if (dnsNameProblem(name)) return;
  if (term.name === "a" || term.name === "exists") {
    await ask(state, name, "A");
    return;
  }
  const mx = await ask(state, name, "MX");
  if (mx?.status !== "found") return;
  if (mx.records.length > MAX_MX_NAMES)
    state.problems.push({
      kind: "too-many-mx",
      domain,
      record,
      term: term.text,
      why: `${name} has ${mx.records.length} MX records (at most ${MAX_MX_NAMES} are looked up)`
    });
  for (const r2 of mx.records.slice(0, MAX_MX_NAMES)) {
    const host = r2.value.slice(r2.value.indexOf(" ") + 1);
    if (host !== "" && host !== ".") await ask(state, host, "A");
  }
}
async function walkRecord(state, domain, record, parts, chain) {
  for (const seam of seamsWithoutSpace(parts)) {
    const fixed = [...parts.slice(0, seam.index + 1), " ", ...parts.slice(seam.index + 1)].join("");
    state.seams.push({ domain, parts, left: seam.left, right: seam.right, fixed });
  }
  const parsed = parseSpf(record);
  for (const bad of parsed.bad) state.problems.push({ kind: "syntax", domain, record, term: bad.term, why: bad.why });
  if (parsed.bad.length > 0) return;
  let all;
  for (const term of parsed.terms) {
    if (state.lookups > WALK_LIMIT) {
      state.truncated = true;
      return;
    }
    if (term.kind === "modifier") continue;
    if (term.name === "all") {
      all = term;
      break;
    }
    await mechanism(state, term, domain, record, chain);
  }
  if (all?.qualifier === "+" && chain.length > 1) state.permissive.push({ chain: chain.slice(1), domain, record, term: all.text });
  const redirect = parsed.terms.find((t2) => t2.kind === "modifier" && t2.name === "redirect");
  if (!all && redirect?.kind === "modifier") {
    state.lookups++;
    const target = targetOf(state, redirect.value, domain, record, redirect.text);
    if (target) await follow(state, target, chain, domain, record, redirect.text);
  }
}
async function walkSpf(domain, record, parts, lookup2) {
  const state = {
    domain,
    record,
    parts,
    lookups: 0,
    voidLookups: 0,
    truncated: false,
    problems: [],
    permissive: [],
    ptr: [],
    seams: [],
    lookup: lookup2,
    context: { sender: `postmaster@${domain}`, domain, ip: "192.0.2.1", helo: domain }
  };
  await walkRecord(state, domain, record, parts, [domain]);
  const { lookup: _lookup, context: _context, ...walk2 } = state;
  return walk2;
}

// src/stages/trust/spf-checks.ts
function spfSyntaxProblems(record) {
  const { terms, bad } = parseSpf(record);
  const all = terms.find((t2) => t2.kind === "mechanism" && t2.name === "all");
  return { bad: bad.map((b3) => b3.term), all: all?.text, redirect: terms.some((t2) => t2.kind === "modifier" && t2.name === "redirect") };
}
function spfRecordsIn(facts) {
  return facts.txt.status === "found" ? facts.txt.records.filter((r2) => isSpfRecord(r2.value)) : [];
}
var counts = (walk2) => `lookups: ${walk2.lookups}${walk2.truncated ? "+" : ""}/${MAX_SPF_LOOKUPS}, void: ${walk2.voidLookups}/${MAX_VOID_LOOKUPS}`;
function spfFindings(facts) {
  const d2 = facts.domain;
  if (facts.txt.status === "unknown") return [unknownFinding(facts, "SPF", facts.txt.reason)];
  const records = spfRecordsIn(facts);
  if (records.length === 0) {
    return [
      facts.subdomain ? mailFinding(
        facts,
        "spf-missing-subdomain",
        "blocker",
        `sending subdomain ${d2} has no SPF record of its own (the parent domain's does not apply): mail from it lands in spam`,
        `publish one TXT record at ${d2}: v=spf1 include:<your provider> -all`
      ) : mailFinding(
        facts,
        "spf-missing",
        "blocker",
        `${d2} has no SPF record: mail from it lands in spam or is rejected`,
        `publish one TXT record at ${d2}: v=spf1 include:<your provider> -all`
      )
    ];
  }
  if (records.length > 1) {
    return [
      mailFinding(
        facts,
        "spf-multiple",
        "blocker",
        `${d2} has ${records.length} SPF records: receivers treat that as a permanent error and SPF fails`,
        "merge them into one v=spf1 record",
        records.map(asReceived).join(" | ")
      )
    ];
  }
  return [...topRecordFindings(facts, records[0]), ...facts.spfWalk ? treeFindings(facts, facts.spfWalk) : [], ...secondOpinion(facts)];
}
function topRecordFindings(facts, record) {
  const d2 = facts.domain;
  const { bad } = parseSpf(record.value);
  if (bad.length > 0) {
    const shown = bad.slice(0, 3).map((b3) => `${clip(b3.term)} (${b3.why})`).join(", ");
    return [
      mailFinding(
        facts,
        "spf-syntax",
        "blocker",
        `${d2}'s SPF record has terms receivers reject: ${shown}: SPF permerror, mail fails SPF`,
        `fix or remove ${bad.slice(0, 3).map((b3) => `"${clip(b3.term)}"`).join(", ")} (mechanisms: all, include:, a, mx, ip4:, ip6:, exists:; modifiers redirect=, exp=)`,
        asReceived(record)
      )
    ];
  }
  const syntax = spfSyntaxProblems(record.value);
  if (syntax.all && /^[+?]?all$/i.test(syntax.all)) {
    const plus = !syntax.all.startsWith("?");
    return [
      mailFinding(
        facts,
        "spf-all-permissive",
        plus ? "blocker" : "medium",
        `${d2}'s SPF ends with ${syntax.all}: ${plus ? "anyone may send mail as your domain" : "receivers get no verdict for unlisted senders"}`,
        `end the record with -all (or ~all while you roll out): ${record.value.replace(/[+?]?all\b/i, "~all")}`,
        asReceived(record)
      )
    ];
  }
  if (!syntax.all && !syntax.redirect) {
    return [
      mailFinding(
        facts,
        "spf-no-all",
        "medium",
        `${d2}'s SPF record does not end with -all or ~all: unlisted senders are not rejected`,
        `end the record with -all (or ~all while you roll out): ${record.value} ~all`,
        asReceived(record)
      )
    ];
  }
  return [];
}
function treeFindings(facts, walk2) {
  const d2 = facts.domain;
  const out = [];
  const top = asReceived({ value: walk2.record ?? "", parts: walk2.parts });
  for (const seam of walk2.seams) {
    out.push(
      mailFinding(
        facts,
        "spf-split-seam",
        "blocker",
        `${seam.domain === d2 ? `${d2}'s SPF record` : `the SPF record of ${seam.domain}`} is split into TXT strings with no space between "${clip(seam.left)}" and "${clip(seam.right)}": receivers read "${clip(seam.left + seam.right, 120)}" and SPF fails (permerror)`,
        `publish the record with a space at the seam: ${seam.fixed}`,
        seam.parts.map((p2) => `"${p2}"`).join(" ")
      )
    );
  }
  const seamed = (term) => walk2.seams.some((s) => term.includes(`${s.left}${s.right}`) || `${s.left}${s.right}`.includes(term));
  for (const problem of walk2.problems) {
    if (seamed(problem.term)) continue;
    const where2 = problem.domain === d2 ? `${d2}'s SPF record` : `the SPF record of ${problem.domain} (included by ${d2})`;
    if (problem.kind === "syntax" && problem.domain === d2) continue;
    if (problem.kind === "syntax") {
      out.push(
        mailFinding(
          facts,
          "spf-permerror",
          "blocker",
          `${where2} has a term receivers reject: ${clip(problem.term)} (${problem.why}): SPF permerror, mail fails SPF`,
          `remove the include of ${problem.domain} or ask its owner to fix it`,
          `${problem.domain}: ${problem.record}`
        )
      );
    } else {
      out.push(
        mailFinding(
          facts,
          "spf-permerror",
          "blocker",
          `${where2} cannot be resolved at "${clip(problem.term)}": ${problem.why}; receivers return permerror and mail fails SPF`,
          `fix or remove "${clip(problem.term)}" in the record at ${problem.domain}`,
          `${problem.domain}: ${problem.record}`
        )
      );
    }
  }
  for (const p2 of walk2.permissive) {
    const include = p2.chain[0] ?? p2.domain;
    out.push(
      mailFinding(
        facts,
        "spf-include-pass-all",
        "blocker",
        `${d2}'s SPF includes ${p2.chain.join(" \u2192 ")}, whose record ends in ${p2.term}: anyone passes SPF for ${d2}`,
        `drop include:${include} (or replace it with the provider's current include): ${dropInclude(walk2.record ?? "", include)}`,
        `${p2.domain}: ${p2.record}`
      )
    );
  }
  if (walk2.lookups > MAX_SPF_LOOKUPS) {
    out.push(
      mailFinding(
        facts,
        "spf-too-many-lookups",
        "blocker",
        `${d2}'s SPF needs ${walk2.lookups}${walk2.truncated ? " or more" : ""} DNS lookups (at most ${MAX_SPF_LOOKUPS}): receivers return permerror and SPF fails for most senders`,
        "drop includes you do not need, or replace some with the ip4:/ip6: ranges they publish",
        `${counts(walk2)}; ${top}`
      )
    );
  }
  if (walk2.voidLookups > MAX_VOID_LOOKUPS) {
    out.push(
      mailFinding(
        facts,
        "spf-too-many-void-lookups",
        "blocker",
        `${d2}'s SPF has ${walk2.voidLookups} lookups that find nothing (at most ${MAX_VOID_LOOKUPS}): receivers return permerror`,
        "remove include:/a:/mx: terms that point at names without records",
        `${counts(walk2)}; ${top}`
      )
    );
  }
  for (const ptr of walk2.ptr) {
    out.push(
      mailFinding(
        facts,
        "spf-ptr",
        "medium",
        `${ptr.domain === d2 ? `${d2}'s SPF record` : `the SPF record of ${ptr.domain} (included by ${d2})`} uses ${ptr.term}: deprecated (RFC 7208 5.5), slow, and skipped by many receivers`,
        "replace ptr with the ip4:/ip6: ranges or a: names of your senders",
        `${ptr.domain}: ${ptr.term}`
      )
    );
  }
  if (walk2.unknown) out.push(unknownFinding(facts, "SPF include tree", `${walk2.unknown.reason} for ${walk2.unknown.name}`));
  return out;
}
function dropInclude(record, include) {
  return record.split(" ").filter((t2) => t2.replace(/^[+?~-]/, "").toLowerCase() !== `include:${include}`).join(" ");
}
function secondOpinion(facts) {
  const walk2 = facts.spfWalk;
  if (!facts.spf || walk2 && (walk2.problems.length > 0 || walk2.seams.length > 0 || walk2.unknown || walk2.lookups > MAX_SPF_LOOKUPS || walk2.voidLookups > MAX_VOID_LOOKUPS))
    return [];
  const { result, comment = "" } = facts.spf;
  const detail = comment.replace(/^[^:]+: /, "").slice(0, 200);
  if (result === "permerror" && !comment.startsWith("syntax:")) {
    return [
      mailFinding(
        facts,
        "spf-permerror",
        "blocker",
        `${facts.domain}'s SPF evaluates to permerror: SPF fails for every message`,
        "fix the record (or an included one) so it evaluates",
        detail
      )
    ];
  }
  if (result === "temperror") return [unknownFinding(facts, "SPF evaluation", detail || "temporary error")];
  return [];
}

// src/stages/trust/email.ts
var COMMON_DKIM_SELECTORS = ["google", "selector1", "selector2", "k1", "s1", "s2", "default", "dkim", "mail", "pm", "mxvm", "smtp"];
var PROBE_IP = "192.0.2.1";
var MAX_SECOND_OPINION_CHARS = 2048;
async function evaluateSpf(domain, resolver, ip = PROBE_IP, sender = `postmaster@${domain}`, helo = domain) {
  let records = [];
  try {
    records = (await resolver(domain, "TXT")).map((parts) => Array.isArray(parts) ? stringsOf(parts).join("") : "").filter(isSpfRecord);
  } catch {
  }
  if (records.length === 1) {
    const { bad } = spfSyntaxProblems(records[0]);
    if (bad.length > 0) return { result: "permerror", comment: `syntax: ${bad.slice(0, 3).join(" ")}` };
    if (records[0].length > MAX_SECOND_OPINION_CHARS) return { result: "none", comment: "record too long for the second opinion" };
  }
  const mailauthSpf = await import("./shared-1.js");
  const spf = mailauthSpf.default?.spf ?? mailauthSpf.spf;
  const result = await spf({ sender, ip, helo, mta: "launch-ready.invalid", resolver });
  const out = { result: result.status.result };
  if (result.status.comment) out.comment = result.status.comment;
  const lookups = result.lookups;
  if (lookups) {
    out.lookups = lookups.count;
    out.voidLookups = lookups.void;
  }
  return out;
}
function dkimKeyOf(record) {
  const tags = Object.fromEntries(
    record.split(";").map((t2) => t2.trim()).filter(Boolean).map((t2) => [t2.slice(0, t2.indexOf("=")).trim().toLowerCase(), t2.slice(t2.indexOf("=") + 1).replace(/\s+/g, "")])
  );
  const keyType = (tags.k ?? "rsa").toLowerCase();
  if (tags.p === void 0) return { keyType, keyProblem: "no p= tag" };
  if (tags.p === "") return { keyType, keyProblem: "revoked" };
  if (keyType === "ed25519") return { keyType, keyBits: 256 };
  try {
    const key = createPublicKey({ key: Buffer.from(tags.p, "base64"), format: "der", type: "spki" });
    return { keyType, keyBits: key.asymmetricKeyDetails?.modulusLength };
  } catch (error) {
    return { keyType, keyProblem: reasonOf(error).slice(0, 80) };
  }
}
function organizationalDomain(domain) {
  return (0, import_tldts.getDomain)(domain, { allowPrivateDomains: false }) ?? domain;
}
async function dmarcOf(domain, orgDomain, dns) {
  for (const name of domain === orgDomain ? [domain] : [domain, orgDomain]) {
    const at2 = `_dmarc.${name}`;
    const verdict = await dns.query(at2, "TXT");
    if (verdict.status === "unknown") return { status: "unknown", reason: verdict.reason };
    const candidates = verdict.status === "found" ? verdict.records.filter((r2) => looksLikeDmarc(r2.value)) : [];
    if (candidates.length > 1) return { status: "multiple", records: candidates.map((r2) => r2.value), at: at2 };
    const record = candidates[0];
    if (record) {
      const facts = { status: "found", record: record.value, at: at2, orgRecord: name !== domain, parsed: parseDmarc(record.value) };
      if (record.parts) facts.parts = record.parts;
      return facts;
    }
  }
  return { status: "missing" };
}
async function mxCnamesOf(mx, dns) {
  if (mx.status !== "found") return [];
  const targets = mx.records.map((r2) => r2.value.slice(r2.value.indexOf(" ") + 1)).filter((t2) => t2 !== "" && t2 !== ".");
  const found = await Promise.all(targets.map(async (target) => ({ target, verdict: await dns.query(target, "CNAME") })));
  return found.flatMap(({ target, verdict }) => verdict.status === "found" && verdict.records[0] ? [{ target, cname: verdict.records[0].value }] : []);
}
async function gatherEmailFacts(domain, declared, probe2, dns) {
  const selectors = [.../* @__PURE__ */ new Set([...declared, ...probe2 ? COMMON_DKIM_SELECTORS : []])];
  const orgDomain = organizationalDomain(domain);
  const [mx, txt, domainkey, mtaSts, tlsRpt, dmarc, dkim] = await Promise.all([
    dns.query(domain, "MX"),
    dns.query(domain, "TXT"),
    dns.query(`_domainkey.${domain}`, "TXT"),
    dns.query(`_mta-sts.${domain}`, "TXT"),
    dns.query(`_smtp._tls.${domain}`, "TXT"),
    dmarcOf(domain, orgDomain, dns),
    Promise.all(selectors.map((selector) => selectorFacts(domain, selector, declared.includes(selector), dns)))
  ]);
  const [proxiedMx, mxCnames] = await Promise.all([proxiedMxOf(mx, dns), mxCnamesOf(mx, dns)]);
  const facts = {
    domain,
    orgDomain,
    subdomain: orgDomain !== domain,
    mx,
    proxiedMx,
    mxCnames,
    txt,
    domainkeyNxdomain: domainkey.status === "missing" && domainkey.reason === "NXDOMAIN",
    dkim,
    dmarc,
    mtaSts,
    tlsRpt
  };
  const spfRecords = txt.status === "found" ? txt.records.filter((r2) => isSpfRecord(r2.value)) : [];
  if (spfRecords.length === 1) {
    const record = spfRecords[0];
    const [walk2, evaluation] = await Promise.all([
      walkSpf(domain, record.value, record.parts ?? [record.value], (name, type) => dns.query(name, type)),
      evaluateSpf(domain, (name, type) => dns.raw(name, type))
    ]);
    facts.spfWalk = walk2;
    facts.spf = evaluation;
  }
  return facts;
}
async function selectorFacts(domain, selector, declared, dns) {
  const verdict = await dns.query(`${selector}._domainkey.${domain}`, "TXT");
  const facts = { selector, declared, verdict };
  const record = verdict.status === "found" ? verdict.records.map((r2) => r2.value).find((v2) => /(^|;)\s*p=/.test(v2)) : void 0;
  if (verdict.status === "found" && !record) facts.verdict = { status: "missing", reason: "NODATA" };
  if (record) Object.assign(facts, dkimKeyOf(record));
  return facts;
}
async function proxiedMxOf(mx, dns) {
  if (mx.status !== "found") return [];
  const proxied = [];
  await Promise.all(
    mx.records.map(async (r2) => {
      const target = r2.value.split(" ")[1] ?? "";
      if (target === "" || target === ".") return;
      const a = await dns.query(target, "A");
      if (a.status === "found" && a.records.some((x3) => isCloudflareAddress(x3.value))) proxied.push(target);
    })
  );
  return proxied.sort();
}

// src/stages/trust/email-checks.ts
function isNullMx(mx) {
  if (mx.status !== "found" || mx.records.length !== 1) return false;
  const [priority, target = ""] = mx.records[0].value.split(" ");
  return priority === "0" && (target === "" || target === ".");
}
function mxFindings(facts) {
  const d2 = facts.domain;
  if (facts.mx.status === "unknown") return [unknownFinding(facts, "MX", facts.mx.reason)];
  if (facts.mx.status === "missing") {
    return [
      mailFinding(
        facts,
        "mx-missing",
        "high",
        `${d2} has no MX record (${facts.mx.reason}): replies to your mail bounce and some receivers reject it`,
        `add MX records for ${d2} pointing at your mail provider`
      )
    ];
  }
  if (isNullMx(facts.mx)) {
    return [
      mailFinding(
        facts,
        "mx-null",
        "high",
        `${d2} publishes a null MX (0 .): it says it takes no mail, so replies and bounces are lost and some receivers reject its mail`,
        `replace the null MX with your provider's MX records, or send from a subdomain that receives mail`,
        `MX ${facts.mx.records[0].value || "0 ."}`
      )
    ];
  }
  const out = [];
  for (const target of facts.proxiedMx) {
    out.push(
      mailFinding(
        facts,
        "mx-proxied",
        "blocker",
        `MX target ${target} of ${d2} is proxied by Cloudflare: mail cannot be delivered through the proxy`,
        `set the record of ${target} to "DNS only" (grey cloud) in Cloudflare`,
        target
      )
    );
  }
  for (const { target, cname } of facts.mxCnames) {
    out.push(
      mailFinding(
        facts,
        "mx-cname",
        "medium",
        `MX target ${target} of ${d2} is a CNAME (to ${cname}): RFC 2181 10.3 forbids it and some senders refuse to deliver`,
        `point the MX record at ${cname} (the host the CNAME names) instead of ${target}`,
        `MX \u2192 ${target} CNAME ${cname}`
      )
    );
  }
  return out;
}
function selectorFinding(facts, s) {
  const d2 = facts.domain;
  const where2 = `${s.selector}._domainkey.${d2}`;
  if (s.verdict.status === "unknown") return s.declared ? unknownFinding(facts, `DKIM selector ${s.selector}`, s.verdict.reason) : void 0;
  if (s.verdict.status === "missing") {
    if (!s.declared) return void 0;
    return mailFinding(
      facts,
      "dkim-selector-missing",
      "high",
      facts.domainkeyNxdomain ? `DKIM selector ${s.selector} of ${d2} not found: _domainkey.${d2} does not exist, so no selector can` : `DKIM selector ${s.selector} of ${d2} not found (${s.verdict.reason}): signed mail fails DKIM`,
      `publish your provider's DKIM key at ${where2}`,
      `${where2}: ${s.verdict.reason}`
    );
  }
  const weak = s.keyType === "rsa" && s.keyBits !== void 0 && s.keyBits < 1024;
  if (!s.declared && (s.keyProblem || weak)) {
    return mailFinding(
      facts,
      "dkim-probe-old-key",
      "info",
      `DKIM selector ${s.selector} of ${d2} (not declared) holds a ${s.keyProblem === "revoked" ? "revoked" : s.keyProblem ? "broken" : `weak (RSA ${s.keyBits})`} key: an old provider's key; remove it if unused`,
      `delete the TXT record at ${where2} if no service signs with it, or list it in dkimSelectors to have it judged`,
      where2
    );
  }
  if (s.keyProblem) {
    return mailFinding(
      facts,
      "dkim-key-invalid",
      "high",
      `DKIM key at ${where2} ${s.keyProblem === "revoked" ? "is revoked (empty p=)" : `does not parse (${s.keyProblem})`}`,
      "republish the key exactly as your provider gives it (one TXT record, quotes joined)",
      where2
    );
  }
  if (weak)
    return mailFinding(
      facts,
      "dkim-key-weak",
      "high",
      `DKIM key at ${where2} is RSA ${s.keyBits} bits: receivers ignore keys under 1024 bits`,
      "rotate to a 2048-bit key",
      `${where2}: rsa ${s.keyBits}`
    );
  if (s.declared && s.keyType === "rsa" && s.keyBits !== void 0 && s.keyBits < 2048) {
    return mailFinding(
      facts,
      "dkim-key-short",
      "low",
      `DKIM key at ${where2} is RSA ${s.keyBits} bits (2048 recommended)`,
      "rotate to a 2048-bit key at the next key change",
      `${where2}: rsa ${s.keyBits}`
    );
  }
  if (!s.declared)
    return mailFinding(
      facts,
      "dkim-selector-found",
      "info",
      `DKIM selector ${s.selector} found for ${d2} (${s.keyType ?? "rsa"} ${s.keyBits ?? "?"} bits)`,
      "add it to trust.email.domains[].dkimSelectors so it is always checked",
      where2
    );
  return void 0;
}
function dkimFindings(facts) {
  const out = facts.dkim.map((s) => selectorFinding(facts, s)).filter((f3) => f3 !== void 0);
  const declared = facts.dkim.some((s) => s.declared);
  if (!declared && !facts.dkim.some((s) => s.verdict.status !== "missing")) {
    out.push(
      mailFinding(
        facts,
        "dkim-none-found",
        "medium",
        `no DKIM key found for ${facts.domain} under common selectors${facts.domainkeyNxdomain ? ` (_domainkey.${facts.domain} does not exist)` : ""}`,
        "turn on DKIM signing at your mail provider and list its selectors in trust.email.domains[].dkimSelectors"
      )
    );
  }
  return out;
}
function dmarcFindings(facts) {
  const d2 = facts.domain;
  const dmarc = facts.dmarc;
  const example = `v=DMARC1; p=none; rua=mailto:dmarc@${facts.orgDomain}`;
  if (dmarc.status === "unknown") return [unknownFinding(facts, "DMARC", dmarc.reason)];
  if (dmarc.status === "missing")
    return [
      mailFinding(
        facts,
        "dmarc-missing",
        "blocker",
        `${d2} has no DMARC record: Gmail and Yahoo reject or spam bulk mail from it`,
        `publish TXT at _dmarc.${facts.orgDomain}: ${example} and tighten p= later`
      )
    ];
  if (dmarc.status === "multiple") {
    return [
      mailFinding(
        facts,
        "dmarc-multiple",
        "blocker",
        `${dmarc.at} has ${dmarc.records.length} DMARC records: receivers apply none of them, so ${d2} has no DMARC`,
        `keep one record at ${dmarc.at}`,
        dmarc.records.join(" | ")
      )
    ];
  }
  const { parsed } = dmarc;
  const evidence = `${dmarc.at}: ${asReceived({ value: dmarc.record, parts: dmarc.parts })}`;
  const fixed = parsed.corrected ? `: ${parsed.corrected}` : "";
  if (!parsed.valid) {
    return [
      mailFinding(
        facts,
        "dmarc-invalid",
        "blocker",
        `${d2}'s DMARC record does not parse (${parsed.errors.join("; ")}): receivers discard it, so ${d2} has no DMARC`,
        `replace the record at ${dmarc.at} with one in valid syntax${fixed}`,
        evidence
      )
    ];
  }
  return [...dmarcPolicyFindings(facts, dmarc, evidence, fixed), ...dmarcReportFindings(facts, dmarc, evidence, fixed)];
}
function dmarcPolicyFindings(facts, dmarc, evidence, fixed) {
  const d2 = facts.domain;
  const { parsed } = dmarc;
  const out = [];
  const whose = dmarc.orgRecord ? "the organizational domain's" : "its";
  const policyError = parsed.errors.find((e) => e.startsWith("p="));
  const policy = dmarc.orgRecord && parsed.subdomainPolicy ? parsed.subdomainPolicy : parsed.policy;
  if (policyError)
    out.push(
      mailFinding(
        facts,
        "dmarc-p-invalid",
        "high",
        `${d2}'s DMARC record (${whose}): ${policyError}`,
        `write the policy as none, quarantine or reject${fixed}`,
        evidence
      )
    );
  else if (policy === "none")
    out.push(
      mailFinding(
        facts,
        "dmarc-p-none",
        "medium",
        `${d2}'s DMARC policy (${whose}) is p=none: monitoring only, spoofed mail is still delivered`,
        "move to p=quarantine, then p=reject, once reports show only your senders",
        evidence
      )
    );
  for (const error of parsed.errors.filter((e) => e.startsWith("sp=") || e.startsWith("pct="))) {
    out.push(mailFinding(facts, "dmarc-tag-invalid", "low", `${d2}'s DMARC record: ${error}`, `fix the tag at ${dmarc.at}`, evidence));
  }
  if (parsed.pct < 100 && policy !== "none") {
    out.push(
      mailFinding(
        facts,
        "dmarc-pct",
        "low",
        `${d2}'s DMARC applies p=${policy} to only ${parsed.pct}% of failing mail: the rest is delivered`,
        "raise pct to 100 (or remove it) once reports look clean",
        evidence
      )
    );
  }
  return out;
}
function dmarcReportFindings(facts, dmarc, evidence, fixed) {
  const d2 = facts.domain;
  const { parsed } = dmarc;
  const out = [];
  if (parsed.ruaInvalid.length > 0 && parsed.rua.length === 0) {
    out.push(
      mailFinding(
        facts,
        "dmarc-rua-invalid",
        "low",
        `${d2}'s DMARC rua=${parsed.ruaInvalid.join(",")} is not a report URI (mailto:): no reports are sent`,
        `write the address as a URI${fixed}`,
        evidence
      )
    );
  } else if (parsed.rua.length === 0) {
    out.push(
      mailFinding(
        facts,
        "dmarc-no-rua",
        "low",
        `${d2}'s DMARC record has no rua=: you get no reports of who sends as you`,
        `add rua=mailto:dmarc@${facts.orgDomain} (or a DMARC report service)`,
        evidence
      )
    );
  }
  if (parsed.rufInvalid.length > 0) {
    out.push(
      mailFinding(
        facts,
        "dmarc-ruf-invalid",
        "low",
        `${d2}'s DMARC ruf=${parsed.rufInvalid.join(",")} is not a report URI (mailto:): no failure reports are sent`,
        `write the address as a URI${fixed}`,
        evidence
      )
    );
  }
  return out;
}
function mtaStsFindings(facts) {
  const present = (v2, prefix) => v2.status === "found" && v2.records.some((r2) => prefix.test(r2.value));
  return [
    mailFinding(
      facts,
      "mta-sts",
      "info",
      `${facts.domain}: MTA-STS ${present(facts.mtaSts, /^v=STSv1/i) ? "published" : "not published"}, TLS-RPT ${present(facts.tlsRpt, /^v=TLSRPTv1/i) ? "published" : "not published"}`,
      "optional: publish MTA-STS and TLS-RPT so senders require TLS to your MX and report failures"
    )
  ];
}
function emailFindings(facts) {
  return [...mxFindings(facts), ...spfFindings(facts), ...dkimFindings(facts), ...dmarcFindings(facts), ...mtaStsFindings(facts)];
}

// src/stages/trust/redirects.ts
async function fetchOnce(url, options) {
  const wanted = (status, headers) => options.readBody && status < 300 && /html/i.test(String(headers["content-type"] ?? "text/html"));
  const request = {
    url,
    headers: { "user-agent": "launch-ready (trust check)", accept: "text/html,*/*" },
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    verifyTls: false,
    resolve: options.resolve,
    bodyWanted: wanted,
    // A body cut off by the timeout still yields what arrived: the scan only needs the head of a page.
    keepPartialBody: true
  };
  if (options.signal) request.signal = options.signal;
  const response = await options.http.request(request);
  const out = { url: url.href, status: response.status, headers: nodeHeaders(response.headers) };
  if (wanted(response.status, response.headers)) out.body = Buffer.from(response.body).toString("utf8");
  if (response.truncated) out.truncated = true;
  return out;
}
var SINGLE_VALUED = /* @__PURE__ */ new Set([
  "age",
  "authorization",
  "content-length",
  "content-type",
  "etag",
  "expires",
  "from",
  "host",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "location",
  "max-forwards",
  "proxy-authorization",
  "referer",
  "retry-after",
  "server",
  "user-agent"
]);
function nodeHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === void 0) continue;
    const values = Array.isArray(value) ? value : [value];
    if (name === "set-cookie") out["set-cookie"] = values;
    else out[name] = SINGLE_VALUED.has(name) ? values[0] : values.join(", ");
  }
  return out;
}
async function followRedirects(start, maxHops, options) {
  const hops = [];
  const seen = /* @__PURE__ */ new Set();
  let url = new URL(start);
  for (; ; ) {
    if (seen.has(url.href)) return { start, hops, end: "loop", finalUrl: url.href, detail: `back to ${url.href}` };
    if (hops.length >= maxHops) return { start, hops, end: "too-many-hops", finalUrl: url.href, detail: `more than ${maxHops} hops` };
    seen.add(url.href);
    let response;
    try {
      response = await fetchOnce(url, options);
    } catch (error) {
      return { start, hops, end: "error", finalUrl: url.href, detail: describeNetworkError(error) };
    }
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      hops.push({ url: url.href, status: response.status, location });
      let next;
      try {
        next = new URL(location, url);
      } catch {
        return { start, hops, end: "bad-target", finalUrl: url.href, detail: location };
      }
      if (next.protocol !== "http:" && next.protocol !== "https:")
        return { start, hops, end: "bad-target", finalUrl: url.href, detail: location.slice(0, 200) };
      url = next;
      continue;
    }
    hops.push({ url: url.href, status: response.status });
    return { start, hops, end: "answered", final: response, finalUrl: url.href };
  }
}
function describeNetworkError(error) {
  const code = errorCode(error);
  const known = {
    ECONNRESET: "connection reset by the server",
    ECONNREFUSED: "connection refused",
    EHOSTUNREACH: "host unreachable",
    ETIMEDOUT: "timed out",
    EPROTO: "TLS handshake failed",
    UND_ERR_SOCKET: "connection closed by the server"
  };
  const message = reasonOf(error);
  return code && known[code] ? `${known[code]} (${code})` : message;
}

// src/stages/trust/html-scan.ts
var isLetter = (code) => code >= 65 && code <= 90 || code >= 97 && code <= 122;
var isNameChar = (code) => isLetter(code) || code >= 48 && code <= 57 || code === 95;
var isSpace = (code) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
function* htmlTags(html, wanted) {
  let pos = 0;
  while (pos < html.length) {
    const open = html.indexOf("<", pos);
    if (open < 0) return;
    let end = open + 1;
    while (end < html.length && isLetter(html.charCodeAt(end))) end++;
    if (end === open + 1 || end < html.length && isNameChar(html.charCodeAt(end))) {
      pos = end === open + 1 ? open + 1 : end;
      continue;
    }
    const close = html.indexOf(">", end);
    if (close < 0) return;
    const name = html.slice(open + 1, end).toLowerCase();
    if (!wanted || wanted.has(name)) yield { name, attributes: attributesOf(html, end, close) };
    pos = close + 1;
  }
}
function attributesOf(html, from, to2) {
  const out = /* @__PURE__ */ new Map();
  let i = from;
  const skipSpace = () => {
    while (i < to2 && (isSpace(html.charCodeAt(i)) || html[i] === "/")) i++;
  };
  while (i < to2) {
    skipSpace();
    const nameStart = i;
    while (i < to2 && !isSpace(html.charCodeAt(i)) && html[i] !== "=" && html[i] !== "/") i++;
    if (i === nameStart) break;
    const name = html.slice(nameStart, i).toLowerCase();
    while (i < to2 && isSpace(html.charCodeAt(i))) i++;
    let value = "";
    if (html[i] === "=") {
      i++;
      while (i < to2 && isSpace(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        let stop = i + 1;
        while (stop < to2 && html[stop] !== quote) stop++;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < to2 && !isSpace(html.charCodeAt(i))) i++;
        value = html.slice(valueStart, i);
      }
    }
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

// src/stages/trust/paths.ts
function pathsOfUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const path = parsed.pathname.toLowerCase();
  if (/sign-?up|register|book|onboard|trial|get-started/.test(path)) return ["signup"];
  if (/log-?in|sign-?in|auth|sso|session/.test(path)) return ["login"];
  if (/checkout|billing|pay|subscribe|cart/.test(path)) return ["checkout"];
  if (/admin|webhook|deploy/.test(path)) return ["deploy"];
  return ["homepage"];
}
function pathsOfHost(host, homepageHosts) {
  if (homepageHosts.has(host)) return ["homepage"];
  const first = host.split(".")[0] ?? "";
  if (/^(app|auth|login|accounts?|id|sso|dashboard|portal)$/.test(first)) return ["login"];
  if (/^(book|booking|signup|join|start)$/.test(first)) return ["signup"];
  if (/^(pay|checkout|billing|shop|store)$/.test(first)) return ["checkout"];
  if (/^(mail|smtp|mx|email)$/.test(first)) return ["email"];
  return ["homepage"];
}
function privateRouteKind(url) {
  const lower = url.toLowerCase();
  if (/webhook|hooks?\//.test(lower)) return "webhook";
  if (/log-?in|sign-?in|auth|session|sso|oauth/.test(lower)) return "login";
  if (/admin|dashboard|internal|staff/.test(lower)) return "admin";
  return "other";
}

// src/stages/trust/redirect-rules.ts
var MAX_REDIRECTS = 2;
function parseUrl(value, base) {
  try {
    return new URL(value, base);
  } catch {
    return void 0;
  }
}
var onDomain = (host, domain) => host === domain || host.endsWith(`.${domain}`);
var hostOf = (url) => parseUrl(url)?.hostname ?? "";
var loop = {
  id: "redirect-loop",
  check: ({ chain, signup, redirects, trail }) => {
    if (chain.end !== "loop" && chain.end !== "too-many-hops") return void 0;
    return {
      ruleId: "redirect-loop",
      severity: signup ? "blocker" : "high",
      title: `${chain.start} ${chain.end === "loop" ? "redirects in a loop" : `redirects more than ${redirects} times`}: visitors get "too many redirects"`,
      fix: "make the redirect rules at your host/CDN agree (often: CDN forces https while the origin forces http, or www and root redirect to each other)",
      evidence: trail.slice(0, 500)
    };
  }
};
var badTarget = {
  id: "redirect-bad-target",
  check: ({ chain, signup, trail }) => {
    if (chain.end !== "bad-target") return void 0;
    return {
      ruleId: "redirect-bad-target",
      severity: signup ? "blocker" : "high",
      title: `${chain.start} redirects to a target that is not a web page (${(chain.detail ?? "").slice(0, 60)})`,
      fix: "point the redirect at an https:// URL on your domain",
      evidence: trail.slice(0, 500)
    };
  }
};
var pageUnreachable = {
  id: "page-unreachable",
  check: ({ chain, context, signup }) => {
    if (chain.end !== "error" || context.kind !== "page") return void 0;
    return {
      ruleId: "page-unreachable",
      severity: signup ? "blocker" : "high",
      title: `${chain.finalUrl} does not answer: ${chain.detail ?? "no answer"}`,
      fix: "check the server, its TLS setup and the DNS records for this host",
      location: { host: hostOf(chain.finalUrl), url: chain.finalUrl }
    };
  }
};
var httpEntryUnreachable = {
  id: "http-entry-unreachable",
  check: ({ chain, context, start }) => {
    if (chain.end !== "error" || context.kind !== "entry" || start?.protocol !== "http:") return void 0;
    return {
      ruleId: "http-entry-unreachable",
      severity: context.paths.includes("homepage") ? "high" : "low",
      title: `${chain.start} does not answer (${chain.detail ?? "no answer"}): visitors who type the address or follow an http:// link get no page`,
      fix: 'answer on port 80 with a redirect to https:// (most hosts and CDNs have an "always use HTTPS" switch)'
    };
  }
};
var pageError = {
  id: "page-error",
  check: ({ chain, context, signup }) => {
    if (chain.end !== "answered" || !chain.final || context.kind !== "page" || chain.final.status < 400) return void 0;
    return {
      ruleId: "page-error",
      severity: signup ? "blocker" : "high",
      title: `${chain.finalUrl} answers HTTP ${chain.final.status}`,
      fix: "fix the route or remove the page from trust.pages",
      location: { host: hostOf(chain.finalUrl), url: chain.finalUrl }
    };
  }
};
var offDomain = {
  id: "redirect-off-domain",
  check: ({ chain, context, trail }) => {
    const domain = context.domain;
    if (!domain) return void 0;
    const off = chain.hops.map((h3) => h3.location === void 0 ? void 0 : parseUrl(h3.location, h3.url)).find((u2) => u2 && /^https?:$/.test(u2.protocol) && !onDomain(u2.hostname, domain));
    if (!off) return void 0;
    return {
      ruleId: "redirect-off-domain",
      severity: "high",
      title: `${chain.start} redirects off ${domain} to ${off.hostname}`,
      fix: "redirect only within your domain; an off-domain hop looks like a hijack and breaks cookies",
      evidence: trail.slice(0, 500)
    };
  }
};
var notToHttps = {
  id: "http-not-redirected-to-https",
  check: ({ chain, start, trail }) => {
    const first = chain.hops[0];
    if (start?.protocol !== "http:" || !first) return void 0;
    if (first.location !== void 0 && !parseUrl(first.location, first.url)) return void 0;
    const target = first.location === void 0 ? void 0 : parseUrl(first.location, first.url);
    if (target?.protocol === "https:") return void 0;
    return {
      ruleId: "http-not-redirected-to-https",
      severity: "medium",
      title: `${chain.start} ${target ? `redirects to ${target.protocol}//${target.host} first` : `answers ${first.status} over plain http`} instead of going to https://`,
      fix: "make the first answer on http:// a 301 to the https:// URL (one hop)",
      evidence: trail.slice(0, 500)
    };
  }
};
var notCanonical = {
  id: "redirect-not-canonical",
  check: ({ chain, context, start, trail }) => {
    const canonical = context.canonical;
    if (chain.end !== "answered" || !canonical || !start || !context.homepageHosts.has(start.hostname)) return void 0;
    if (context.kind !== "entry" && start.pathname !== "/") return void 0;
    if (chain.finalUrl.startsWith(canonical)) return void 0;
    return {
      ruleId: "redirect-not-canonical",
      severity: "medium",
      title: `${chain.start} lands on ${chain.finalUrl}, not on the canonical ${canonical}`,
      fix: `redirect every entry point (http/https, root/www) to ${canonical} with one 301`,
      evidence: trail.slice(0, 500)
    };
  }
};
var chainLong = {
  id: "redirect-chain-long",
  check: ({ chain, redirects, trail }) => {
    if (chain.end !== "answered" || redirects <= MAX_REDIRECTS) return void 0;
    return {
      ruleId: "redirect-chain-long",
      severity: "low",
      title: `${chain.start} takes ${redirects} redirects to land (at most ${MAX_REDIRECTS} expected)`,
      fix: "redirect straight to the final URL in one hop",
      evidence: trail.slice(0, 500)
    };
  }
};
var REDIRECT_RULES = [
  loop,
  badTarget,
  pageUnreachable,
  httpEntryUnreachable,
  pageError,
  offDomain,
  notToHttps,
  notCanonical,
  chainLong
];
function chainFacts(chain, context) {
  const start = parseUrl(chain.start);
  return {
    chain,
    context,
    start,
    location: { host: start?.hostname ?? "", url: chain.start },
    signup: context.paths.includes("signup"),
    redirects: chain.hops.filter((h3) => h3.location !== void 0).length,
    trail: chain.hops.map((h3) => h3.location !== void 0 ? `${h3.url} (${h3.status}) \u2192 ${h3.location}` : `${h3.url} (${h3.status})`).join("; ")
  };
}
function redirectFindings(chain, context, rules = REDIRECT_RULES) {
  const facts = chainFacts(chain, context);
  const findings = [];
  for (const rule of rules) {
    const found = rule.check(facts);
    if (found) findings.push({ paths: context.paths, location: facts.location, ...found });
  }
  return findings;
}

// src/stages/trust/page-checks.ts
var BLOCKABLE = { script: "src", link: "href", iframe: "src", object: "data", embed: "src", form: "action" };
var UPGRADABLE = { img: "src", audio: "src", video: "src", source: "src", track: "src" };
var SCANNED_TAGS = /* @__PURE__ */ new Set([...Object.keys(BLOCKABLE), ...Object.keys(UPGRADABLE)]);
function findMixedContent(html) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (element, url, blockable) => {
    const key = `${element} ${url}`;
    if (seen.has(key) || out.length >= 50) return;
    seen.add(key);
    out.push({ element, url, blockable });
  };
  for (const tag of htmlTags(html, SCANNED_TAGS)) {
    const attr = BLOCKABLE[tag.name] ?? UPGRADABLE[tag.name];
    if (!attr) continue;
    if (tag.name === "link" && !/stylesheet|preload|modulepreload|import/i.test(tag.attributes.get("rel") ?? "")) continue;
    const value = /^http:\/\/[^"'\s>]+/i.exec(tag.attributes.get(attr)?.trim() ?? "")?.[0];
    if (value) add(tag.name, value, tag.name in BLOCKABLE);
  }
  for (const match of html.matchAll(
    /\b(fetch|XMLHttpRequest\(\)\.open|new\s+WebSocket|new\s+EventSource)\s*\(\s*(?:["'][A-Z]+["']\s*,\s*)?["'](http:\/\/[^"'\s]+)["']/g
  )) {
    add("fetch", match[2], true);
  }
  return out;
}
function mixedContentFindings(url, html, paths) {
  const host = parseUrl(url)?.hostname ?? "";
  return findMixedContent(html).map((resource) => ({
    ruleId: resource.blockable ? "mixed-content-blockable" : "mixed-content-upgradable",
    severity: resource.blockable ? "high" : "low",
    title: resource.blockable ? `${url} loads a <${resource.element}> over http: the browser blocks it and the page breaks` : `${url} loads a <${resource.element}> over http: the browser shows "not secure" or upgrades it`,
    fix: `load ${resource.url} over https:// (or a protocol-relative URL served by your HTTPS host)`,
    paths,
    location: { host, url },
    evidence: `<${resource.element}> ${resource.url}`
  }));
}
var headerText2 = (value) => Array.isArray(value) ? value.join(", ") : value ?? "";
function cacheVerdict(headers) {
  const control = headerText2(headers["cache-control"]).toLowerCase();
  const noStore = /\b(private|no-store|no-cache)\b/.test(control);
  const maxAge = Number(/\bmax-age\s*=\s*(\d+)/.exec(control)?.[1] ?? "0");
  const cacheable = !noStore && (/\bpublic\b/.test(control) || /\bs-maxage\s*=\s*[1-9]/.test(control) || maxAge > 0);
  const hit = (name) => /\bhit\b/i.test(headerText2(headers[name]));
  const age = Number(headerText2(headers.age) || "0");
  const fromCache = hit("cf-cache-status") || hit("x-cache") || hit("x-vercel-cache") || hit("x-cache-status") || age > 0;
  const evidence = ["cache-control", "cf-cache-status", "x-cache", "age"].filter((h3) => headers[h3] !== void 0).map((h3) => `${h3}: ${headerText2(headers[h3])}`).join("; ");
  return { cacheable, fromCache, evidence };
}
function privateRouteFindings(url, headers, paths) {
  const verdict = cacheVerdict(headers);
  if (!verdict.cacheable && !verdict.fromCache) return [];
  const kind = privateRouteKind(url);
  return [
    {
      ruleId: "private-route-cached",
      severity: kind === "other" ? "high" : "blocker",
      title: verdict.fromCache ? `${url} (a private ${kind === "other" ? "route" : kind + " route"}) was served from a cache: one user's answer can reach another` : `${url} (a private ${kind === "other" ? "route" : kind + " route"}) is cacheable by a CDN or proxy`,
      fix: "send Cache-Control: private, no-store on this route and add a CDN rule to bypass the cache for it",
      paths,
      location: { host: parseUrl(url)?.hostname ?? "", url },
      evidence: verdict.evidence || "no cache headers"
    }
  ];
}
function cookieCachingFindings(url, headers, paths) {
  const control = headerText2(headers["cache-control"]).toLowerCase();
  if (!headers["set-cookie"] || !/\b(public|s-maxage)\b/.test(control) || /\b(private|no-store)\b/.test(control)) return [];
  const names = (headers["set-cookie"] ?? []).map((c3) => c3.split("=")[0].trim()).join(", ");
  return [
    {
      ruleId: "public-cache-set-cookie",
      severity: "high",
      title: `${url} sets a cookie (${names}) on an answer marked for public caching: a CDN may hand it to other visitors`,
      fix: "mark answers that set cookies Cache-Control: private, or stop setting cookies on public pages",
      paths,
      location: { host: parseUrl(url)?.hostname ?? "", url },
      evidence: `cache-control: ${control}; set-cookie: ${names}`
    }
  ];
}

// src/stages/trust/tls.ts
import { checkServerIdentity as checkServerIdentity2, connect, rootCertificates as rootCertificates2 } from "node:tls";
async function probeTls(host, options, port = 443, via) {
  let target;
  try {
    target = await routeConnection(parseConnectRules(options.connectTo), via ?? host, port, options.resolve);
  } catch (error) {
    return { host, connected: false, error: error instanceof Error ? error.message : String(error) };
  }
  return new Promise((resolve10) => {
    const socket = connect({
      host: target.address,
      port: target.port,
      servername: host,
      ca: [...rootCertificates2, ...options.ca],
      rejectUnauthorized: false,
      minVersion: "TLSv1.2"
    });
    const finish = (probe2) => {
      clearTimeout(timer);
      socket.destroy();
      resolve10(probe2);
    };
    const timer = setTimeout(() => finish({ host, connected: false, error: `no TLS handshake within ${options.timeoutMs} ms` }), options.timeoutMs);
    socket.on("error", (error) => finish({ host, connected: false, error: describeNetworkError(error) }));
    socket.on("secureConnect", () => {
      try {
        finish(describeHandshake(socket, host));
      } catch (error) {
        finish({ host, connected: false, error: `the certificate could not be read: ${reasonOf(error)}` });
      }
    });
  });
}
function certificateDate(value) {
  if (!value) return void 0;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : void 0;
}
function describeHandshake(socket, host) {
  const cert = socket.getPeerCertificate(true);
  const probe2 = { host, connected: true, protocol: socket.getProtocol() ?? void 0 };
  const chainError = socket.authorizationError ? String(socket.authorizationError) : void 0;
  if (!socket.authorized && chainError && chainError !== "ERR_TLS_CERT_ALTNAME_INVALID") probe2.chainError = chainError;
  if (cert && Object.keys(cert).length > 0) {
    probe2.issuer = nameOf(cert.issuer);
    probe2.subject = nameOf(cert.subject);
    const notAfter = certificateDate(cert.valid_to);
    if (notAfter) probe2.notAfter = notAfter;
    else probe2.badDate = cert.valid_to ? String(cert.valid_to).slice(0, 60) : "missing";
    if (cert.subjectaltname) probe2.san = cert.subjectaltname;
    const identity = checkServerIdentity2(host, cert);
    if (identity) probe2.nameError = identity.message;
    probe2.chainLength = chainLengthOf(cert);
  }
  return probe2;
}
async function acceptsLegacyTls(host, options, port = 443) {
  let target;
  try {
    target = await routeConnection(parseConnectRules(options.connectTo), host, port, options.resolve);
  } catch {
    return void 0;
  }
  const attempt = (version) => new Promise((resolve10) => {
    const socket = connect({
      host: target.address,
      port: target.port,
      servername: host,
      rejectUnauthorized: false,
      minVersion: version,
      maxVersion: version,
      // OpenSSL 3 refuses TLS 1.0/1.1 ciphers at the default security level: without this the
      // probe would wrongly report the old versions as off.
      ciphers: "DEFAULT@SECLEVEL=0"
    });
    const finish = (value) => {
      clearTimeout(timer);
      socket.destroy();
      resolve10(value);
    };
    const timer = setTimeout(() => finish(void 0), options.timeoutMs);
    socket.on("secureConnect", () => finish(true));
    socket.on("error", (error) => finish(/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/.test(String(errorCode(error))) ? void 0 : false));
  });
  const [v10, v11] = await Promise.all([attempt("TLSv1"), attempt("TLSv1.1")]);
  if (v10) return { accepted: true, version: "TLS 1.0" };
  if (v11) return { accepted: true, version: "TLS 1.1" };
  if (v10 === void 0 && v11 === void 0) return void 0;
  return { accepted: false };
}
function nameOf(name) {
  if (!name) return "";
  const pick = (key) => {
    const value = name[key];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  return pick("O") ? `${pick("CN") ?? ""}${pick("CN") ? " / " : ""}${pick("O")}` : pick("CN") ?? "";
}
function chainLengthOf(cert) {
  let length = 1;
  let current = cert;
  const seen = /* @__PURE__ */ new Set([cert.fingerprint256]);
  while (current.issuerCertificate && !seen.has(current.issuerCertificate.fingerprint256)) {
    current = current.issuerCertificate;
    seen.add(current.fingerprint256);
    length++;
  }
  return length;
}

// src/stages/trust/run.ts
var MAIL_HOST = /^(mail|smtp|imap|pop3?|mx|webmail|autodiscover)\d*$/;
var MAX_ORIGIN_CANDIDATES = 5;
async function runTrust(ctx) {
  const config = ctx.options;
  const errors = [];
  let dns;
  try {
    dns = await createDnsClient({ servers: ctx.network.resolvers, timeoutMs: config.dnsTimeoutMs, tries: config.dnsTries });
  } catch (error) {
    return {
      summary: `trust: could not use the DNS resolvers: ${reasonOf(error)}`,
      findings: [],
      errors: [{ part: "dns", message: reasonOf(error), fix: 'set trust.resolvers to IP addresses, e.g. ["1.1.1.1", "127.0.0.1:5353"]' }]
    };
  }
  const resolve10 = addressResolver(dns);
  const homepageHosts = /* @__PURE__ */ new Set();
  if (config.domain) {
    homepageHosts.add(config.domain);
    homepageHosts.add(`www.${config.domain}`);
  }
  if (config.canonical) homepageHosts.add(new URL(config.canonical).hostname.toLowerCase());
  const now = /* @__PURE__ */ new Date();
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  if (ctx.signal.aborted) abort.abort();
  else ctx.signal.addEventListener("abort", () => abort.abort(), { once: true });
  const fetchOptions = {
    http: ctx.services.http,
    resolve: resolve10,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    readBody: false,
    signal: abort.signal
  };
  const tlsOptions = { connectTo: ctx.network.connectTo, resolve: resolve10, ca: ctx.network.ca, timeoutMs: config.timeoutMs };
  const hostJobs = config.hostnames.map((host) => checkHost(host, config, dns, homepageHosts, fetchOptions, tlsOptions, now));
  const pageJobs = config.pages.map((page) => checkPage(page, config, homepageHosts, fetchOptions));
  const privateJobs = config.privateRoutes.map((url) => checkPrivateRoute(url, fetchOptions, homepageHosts, errors));
  const emailJobs = config.emailDomains.map(async (d2) => emailFindings(await gatherEmailFacts(d2.name, d2.dkimSelectors, config.probeDkimSelectors, dns)));
  const rootWwwJob = checkRootAndWww(config, dns);
  const [hosts, pages, privates, emails, rootWww] = await Promise.all([
    Promise.all(hostJobs),
    Promise.all(pageJobs),
    Promise.all(privateJobs),
    Promise.all(emailJobs),
    rootWwwJob
  ]);
  const exposed = await checkOriginExposure(hosts, tlsOptions);
  const findings = uniqueFindings([...hosts.flatMap((h3) => h3.findings), ...exposed, ...rootWww, ...pages.flat(), ...privates.flat(), ...emails.flat()]);
  const domainMap = hosts.map((h3) => h3.row);
  const unknownHosts = hosts.filter((h3) => h3.resolution.status === "unknown").map((h3) => h3.row.host);
  if (unknownHosts.length > 0) {
    errors.push({
      part: "dns",
      message: `DNS answer unknown for ${unknownHosts.join(", ")} (${hosts.find((h3) => h3.resolution.status === "unknown").row.dns})`,
      fix: "check trust.resolvers and the DNS provider, then run again"
    });
  }
  const emailUnknown = findings.filter((f3) => f3.ruleId === "email-dns-unknown");
  if (emailUnknown.length > 0) {
    errors.push({
      part: "email",
      message: `DNS answer unknown for ${[...new Set(emailUnknown.map((f3) => f3.location?.host))].join(", ")} (${emailUnknown[0].evidence})`,
      fix: "check trust.resolvers and the DNS provider, then run again"
    });
  }
  const counts2 = SEVERITIES.filter((s) => s !== "info").map((s) => [s, findings.filter((f3) => f3.severity === s).length]).filter(([, n]) => n > 0);
  const summary = `checked ${config.hostnames.length} hostname(s), ${config.pages.length} page(s), ${config.privateRoutes.length} private route(s), ${config.emailDomains.length} mail domain(s): ${counts2.length ? counts2.map(([s, n]) => `${n} ${s}`).join(", ") : "no problems above info"}`;
  const outcome = {
    summary,
    findings,
    checkedPaths: pathsChecked(config, homepageHosts),
    metrics: {
      domainMap,
      cloudflareRangesDate: CLOUDFLARE_RANGES_DATE,
      hostnames: config.hostnames.length,
      pages: config.pages.length,
      mailDomains: config.emailDomains.length
    },
    blocks: domainMap.length > 0 ? [domainMapBlock(domainMap)] : []
  };
  if (errors.length > 0) outcome.errors = errors;
  return outcome;
}
async function hostDnsOf(host, dns) {
  const [a, aaaa, cname, caa] = await Promise.all([dns.query(host, "A"), dns.query(host, "AAAA"), dns.query(host, "CNAME"), effectiveCaa(host, dns)]);
  return { host, a, aaaa, cname, caa };
}
async function effectiveCaa(host, dns) {
  const own = await dns.query(host, "CAA");
  const labels = host.split(".");
  for (let i = 1; own.status === "missing" && i < labels.length - 1; i++) {
    const parent = labels.slice(i).join(".");
    const inherited = await dns.query(parent, "CAA");
    if (inherited.status === "found") return { status: "found", records: inherited.records.map((r2) => ({ ...r2, value: `${r2.value} (from ${parent})` })) };
    if (inherited.status === "unknown") return inherited;
  }
  return own;
}
function dnsText(resolution) {
  return resolution.status === "found" ? "found" : `${resolution.status} (${resolution.reason})`;
}
async function checkHost(host, config, dns, homepageHosts, fetchOptions, tlsOptions, now) {
  const paths = pathsOfHost(host, homepageHosts);
  const hostDns = await hostDnsOf(host, dns);
  const resolution = resolutionOf(hostDns);
  const findings = hostDnsFindings(hostDns, paths);
  const proxiedByRange = resolution.status === "found" && resolution.addresses.some(isCloudflareAddress);
  let tls;
  let http;
  let https;
  let cfRay = false;
  let hsts = null;
  if (resolution.status === "found") {
    const entryContext = { domain: config.domain, canonical: config.canonical, homepageHosts, paths, kind: "entry" };
    const [probe2, legacy, httpChain, httpsChain] = await Promise.all([
      probeTls(host, tlsOptions),
      acceptsLegacyTls(host, tlsOptions),
      followRedirects(`http://${host}/`, config.maxRedirects, fetchOptions),
      followRedirects(`https://${host}/`, config.maxRedirects, fetchOptions)
    ]);
    tls = probe2;
    http = httpChain;
    https = httpsChain;
    findings.push(...tlsFindings(probe2, paths, now));
    if (legacy?.accepted && legacy.version) findings.push(legacyTlsFinding(host, legacy.version, paths));
    findings.push(...redirectFindings(httpChain, entryContext));
    if (probe2.connected) findings.push(...redirectFindings(httpsChain, entryContext));
    const firstHttps = await firstAnswer(host, fetchOptions);
    if (firstHttps) {
      findings.push(...hstsFindings(host, firstHttps.headers, paths));
      hsts = hstsNote(firstHttps.headers);
    }
    cfRay = firstHttps?.headers["cf-ray"] !== void 0;
    if (cfRay && !proxiedByRange) {
      findings.push({
        ruleId: "cloudflare-ray-direct",
        severity: "info",
        title: `${host} answers with a cf-ray header but resolves outside Cloudflare's ranges`,
        fix: "nothing to do if another CDN fronts Cloudflare; otherwise check the record is proxied",
        paths,
        location: { host }
      });
    }
  }
  if (proxiedByRange && MAIL_HOST.test(host.split(".")[0] ?? "")) {
    findings.push({
      ruleId: "mail-host-proxied",
      severity: "high",
      title: `${host} looks like a mail host but is proxied by Cloudflare: SMTP/IMAP cannot pass through the proxy`,
      fix: `set the record of ${host} to "DNS only" (grey cloud) in Cloudflare`,
      paths: ["email"],
      location: { host }
    });
  } else if (proxiedByRange) {
    findings.push({
      ruleId: "cloudflare-proxied",
      severity: "info",
      title: `${host} is proxied by Cloudflare (ranges of ${CLOUDFLARE_RANGES_DATE})`,
      fix: "nothing to do; make sure the origin only accepts Cloudflare's addresses",
      paths,
      location: { host }
    });
  }
  const row = domainMapRow({ host, dns: dnsText(resolution), records: recordsOf3(hostDns), proxied: proxiedByRange || cfRay, tls, hsts, http, https, now });
  return { findings, row, resolution, paths };
}
async function firstAnswer(host, options) {
  try {
    return await fetchOnce(new URL(`https://${host}/`), options);
  } catch {
    return void 0;
  }
}
async function checkRootAndWww(config, dns) {
  if (!config.domain) return [];
  const names = [config.domain, `www.${config.domain}`];
  if (names.every((n) => config.hostnames.includes(n))) return [];
  const [root, www] = await Promise.all(names.map(async (n) => resolutionOf(await hostDnsOf(n, dns))));
  return rootAndWwwFindings(
    config.domain,
    config.hostnames.includes(names[0]) ? { status: "found", addresses: [] } : root,
    config.hostnames.includes(names[1]) ? { status: "found", addresses: [] } : www
  );
}
async function checkPage(page, config, homepageHosts, fetchOptions) {
  const paths = pathsOfUrl(page);
  const chain = await followRedirects(page, config.maxRedirects, { ...fetchOptions, readBody: true });
  const findings = redirectFindings(chain, { domain: config.domain, canonical: config.canonical, homepageHosts, paths, kind: "page" });
  const final = chain.final;
  if (final) {
    if (final.body !== void 0 && chain.finalUrl.startsWith("https:")) findings.push(...mixedContentFindings(chain.finalUrl, final.body, paths));
    findings.push(...cookieCachingFindings(chain.finalUrl, final.headers, paths));
  }
  return findings;
}
async function checkPrivateRoute(url, fetchOptions, homepageHosts, errors) {
  const paths = pathsOfUrl(url);
  try {
    const response = await fetchOnce(new URL(url), fetchOptions);
    return privateRouteFindings(url, response.headers, paths.includes("homepage") ? ["deploy"] : paths);
  } catch (error) {
    errors.push({ part: "caching", message: `${url}: ${reasonOf(error)}`, fix: "check that the route answers, then run again" });
    return [];
  }
}
function uniqueFindings(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f3) => {
    const key = [f3.ruleId, f3.location?.host, f3.location?.url, f3.evidence, f3.title].join("\0");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
async function checkOriginExposure(hosts, tlsOptions) {
  const proxied = hosts.filter((h3) => h3.row.proxied && h3.resolution.status === "found");
  const candidates = [
    ...new Set(
      hosts.filter((h3) => !h3.row.proxied && h3.resolution.status === "found").flatMap((h3) => h3.resolution.status === "found" ? h3.resolution.addresses : [])
    )
  ].filter((a) => !isCloudflareAddress(a)).slice(0, MAX_ORIGIN_CANDIDATES);
  const findings = await Promise.all(
    proxied.map(async (host) => {
      for (const address of candidates) {
        const probe2 = await probeTls(host.row.host, tlsOptions, 443, address);
        if (probe2.connected && !probe2.chainError && !probe2.nameError) {
          return [
            {
              ruleId: "cloudflare-origin-exposed",
              severity: "info",
              title: `${host.row.host} is proxied by Cloudflare but its origin also answers directly at ${address}: visitors and attackers can bypass the proxy`,
              fix: "firewall the origin to Cloudflare's published ranges (or use Cloudflare Tunnel) so it only answers through the proxy",
              paths: host.paths,
              location: { host: host.row.host },
              evidence: `TLS for ${host.row.host} at ${address}: ${probe2.issuer ?? ""}`
            }
          ];
        }
      }
      return [];
    })
  );
  return findings.flat();
}
function pathsChecked(config, homepageHosts) {
  const paths = /* @__PURE__ */ new Set();
  for (const host of config.hostnames) pathsOfHost(host, homepageHosts).forEach((p2) => paths.add(p2));
  for (const url of [...config.pages, ...config.privateRoutes]) pathsOfUrl(url).forEach((p2) => paths.add(p2));
  if (config.domain) paths.add("homepage");
  if (config.emailDomains.length > 0) paths.add("email");
  return [...paths];
}

// src/stages/trust/index.ts
var trustStage = {
  id: "trust",
  phase: "passive",
  title: "Trust layer",
  description: "DNS, redirects, TLS, HSTS, mixed content, caching, Cloudflare and SPF/DKIM/DMARC, with a domain map",
  built: true,
  checks: { paths: ["signup", "checkout", "login", "email", "homepage"], locations: true },
  configSchema: trustConfigSchema,
  flags: trustFlags,
  validateConfig: validateTrustConfig,
  notConfigured: trustNotConfigured,
  parseOptions: readTrustConfig,
  run: runTrust
};

// src/stages/index.ts
var STAGES = [secretsStage, envStage, trustStage, burstStage, rollbackStage, readinessStage];

// src/github/context.ts
import { readFileSync as readFileSync6 } from "node:fs";
import { join as join8 } from "node:path";
function readRunnerContext(env, tmpdir) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const context = {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    resultDir: join8(env.RUNNER_TEMP || tmpdir, "launch-ready")
  };
  if (owner && repo) {
    context.owner = owner;
    context.repo = repo;
  }
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pullRequest = pullRequestOf(event);
  if (pullRequest !== void 0) context.pullRequest = pullRequest;
  const revision = stringOr(valueAt(event, "pull_request", "head", "sha")) ?? env.GITHUB_SHA;
  if (revision) context.revision = revision;
  const base = valueAt(event, "pull_request", "base", "sha");
  if (typeof base === "string" && /^[0-9a-f]{40}$/i.test(base)) context.baseRevision = base;
  const runId = Number(env.GITHUB_RUN_ID);
  if (env.GITHUB_REPOSITORY && Number.isSafeInteger(runId) && runId > 0 && revision) {
    context.run = { repository: env.GITHUB_REPOSITORY, runId, runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1, sha: revision };
  }
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID)
    context.runUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY)
    context.links = { serverUrl: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, ...revision ? { revision } : {} };
  if (env.GITHUB_STEP_SUMMARY) context.summaryPath = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_OUTPUT) context.outputPath = env.GITHUB_OUTPUT;
  return context;
}
function gitHubAccessOf(context, token) {
  if (!token || !context.owner || !context.repo) return void 0;
  return { apiUrl: context.apiUrl, token, owner: context.owner, repo: context.repo };
}
function readEvent(eventPath) {
  if (!eventPath) return void 0;
  try {
    const parsed = JSON.parse(readFileSync6(eventPath, "utf8"));
    return parsed;
  } catch {
    return void 0;
  }
}
function pullRequestOf(event) {
  const number = valueAt(event, "pull_request", "number") ?? (valueAt(event, "issue", "pull_request") ? valueAt(event, "issue", "number") : void 0);
  return typeof number === "number" && Number.isInteger(number) ? number : void 0;
}

// src/github/stage-api.ts
var TIMEOUT_MS = 3e4;
var MAX_PAGES = 50;
function createStageGitHubApi(access) {
  const base = access.apiUrl.replace(/\/+$/, "");
  const headers = {
    authorization: `Bearer ${access.token}`,
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "launch-ready"
  };
  const urlOf = (path, query = {}) => {
    const filled = path.replace("{owner}", encodeURIComponent(access.owner)).replace("{repo}", encodeURIComponent(access.repo));
    const search = new URLSearchParams(Object.entries(query).map(([k2, v2]) => [k2, String(v2)])).toString();
    return `${base}${filled.startsWith("/") ? "" : "/"}${filled}${search ? `?${search}` : ""}`;
  };
  const get = async (path, query) => {
    let response;
    try {
      response = await fetch(urlOf(path, query), { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new GitHubRequestError(0, `GET ${path}: no answer (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new GitHubRequestError(response.status, `GET ${path}: HTTP ${response.status}`);
    }
    return response.json();
  };
  return {
    owner: access.owner,
    repo: access.repo,
    get: (path, query) => get(path, query),
    async paginate(path, query = {}, maxItems = 1e3) {
      const perPage = Number(query.per_page ?? 100);
      const items = [];
      for (let page = 1; page <= MAX_PAGES && items.length < maxItems; page++) {
        const batch = itemsOf(await get(path, { ...query, per_page: perPage, page }));
        items.push(...batch.slice(0, maxItems - items.length));
        if (batch.length < perPage) break;
      }
      return items;
    }
  };
}
function itemsOf(body) {
  if (Array.isArray(body)) return body;
  if (typeof body === "object" && body !== null) {
    for (const value of Object.values(body)) if (Array.isArray(value)) return value;
  }
  return [];
}

export {
  readFlags,
  commandHelpText,
  parseCommandLine,
  parseFailOn,
  parseStageList,
  cancelOnSignals,
  VERSION,
  BurstAggregate,
  buildBurstReport,
  formatInterval,
  parseReadinessOptions,
  isHttpUrl,
  diagnoseUrl,
  layersTable,
  targetEnvironmentFiles,
  readTargetEnvironment,
  configuredHostnames,
  STAGES,
  readRunnerContext,
  gitHubAccessOf,
  createStageGitHubApi
};
