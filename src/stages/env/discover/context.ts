/**
 * Which part of the repository a file belongs to. Only the deployed app makes a production
 * requirement; CI workflows, tests, scripts and dev tooling read variables too, and are shown in the
 * inventory as such.
 */

/** `app`: runs in production. The others never make a production requirement. */
export type UseContext = 'app' | 'ci' | 'tests' | 'tooling';

const CI_DIRS = new Set(['.github', '.circleci', '.buildkite', '.gitlab']);
const TEST_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  '__mocks__',
  'e2e',
  'spec',
  'specs',
  'cypress',
  'playwright',
  'mocks',
  'fixtures',
  '__fixtures__',
  'testing',
  'test-utils',
]);
const TOOLING_DIRS = new Set([
  'scripts',
  'script',
  '.storybook',
  'storybook',
  'docs',
  'doc',
  'examples',
  'example',
  'tools',
  '.husky',
  'bench',
  'benchmarks',
  '.devcontainer',
  '.vscode',
  'remix.init',
]);
const TEST_FILE =
  /(^|[./_-])(test|spec|e2e)\.[cm]?[jt]sx?$|\.(test|spec)\.[\w]+$|^test_\w*\.py$|_test\.(py|go|rb)$|^conftest\.py$|^tests?\.py$|^(playwright|vitest|jest|cypress|karma|ava)\.(config|setup)\.\w+$|^(jest|vitest)\.setup[.\w]*$|^setupTests\.\w+$|_spec\.rb$|^pytest\.ini$/;
const TOOLING_FILE =
  /\.stories\.\w+$|^(vite|webpack|rollup|tsup|esbuild|eslint|prettier|tailwind|postcss|babel|commitlint|lint-staged|stylelint|svelte|astro|react-router|remix|drizzle|knip|turbo|vitest\.workspace)\.config\.\w+$|^\.eslintrc(\.\w+)?$|^Rakefile$|^noxfile\.py$|^tasks\.py$|^fabfile\.py$/;

const DEV_SETTINGS = /^(local|dev|development)\.py$/;

/** The part of the repository `path` (relative, with `/`) belongs to. */
export function contextOf(path: string): UseContext {
  const parts = path.split('/');
  const name = parts.pop() ?? path;
  if (parts.some((dir) => CI_DIRS.has(dir)) || name === '.gitlab-ci.yml' || name === 'azure-pipelines.yml' || name === 'Jenkinsfile') return 'ci';
  if (parts.some((dir) => TEST_DIRS.has(dir)) || TEST_FILE.test(name)) return 'tests';
  if (parts.some((dir) => TOOLING_DIRS.has(dir)) || TOOLING_FILE.test(name)) return 'tooling';
  // Django's development settings modules (`config/settings/local.py`): production selects another one.
  if (parts[parts.length - 1] === 'settings' && DEV_SETTINGS.test(name)) return 'tooling';
  return 'app';
}

/** How the inventory names a context. */
export const CONTEXT_LABEL: Record<Exclude<UseContext, 'app'>, string> = { ci: 'CI', tests: 'tests', tooling: 'scripts/tooling' };
