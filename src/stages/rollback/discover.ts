/** The previous good release, in order: the config, GitHub deployments, semver tags. */
import { reasonOf } from '../../core/errors.js';
import type { GitHubApi } from '../../core/services.js';
import type { RollbackOptions } from './config.js';
import { previousFromDeployments, previousFromTags, type CurrentRelease, type PreviousRelease } from './previous.js';

export interface Discovery {
  previous?: PreviousRelease;
  /** What was tried and why it gave nothing, for the finding. */
  tried: string[];
}

/** Never throws: a source that fails is noted and the next one is tried. */
export async function discoverPrevious(input: {
  options: RollbackOptions;
  github: GitHubApi | undefined;
  repo: string;
  current: CurrentRelease;
}): Promise<Discovery> {
  const { options, github, repo, current } = input;
  if (options.previousRelease) {
    return { previous: { release: options.previousRelease, source: 'config', aliases: [], detail: 'rollback.previousRelease in launch-ready.yml' }, tried: [] };
  }
  const tried: string[] = ['rollback.previousRelease: not set'];
  if (github) {
    try {
      const previous = await previousFromDeployments(github, options.environment, current);
      if (previous) return { previous, tried };
      tried.push(`GitHub deployments: no earlier successful deployment to ${options.environment}`);
    } catch (error) {
      tried.push(`GitHub deployments: ${reasonOf(error)}`);
    }
  } else {
    tried.push('GitHub deployments: no GitHub API access in this run');
  }
  try {
    const previous = await previousFromTags(repo, current);
    if (previous) return { previous, tried };
    tried.push('git tags: no release tag (v1.2.3) before the current release');
  } catch (error) {
    tried.push(`git tags: ${reasonOf(error).split('\n')[0]}`);
  }
  return { tried };
}
