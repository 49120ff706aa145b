// A small blog built with Eleventy 3 and paperfeed's plugin, as a user would set it up. The test
// (test/eleventy/build.test.mjs) builds it with Eleventy's programmatic API and a fetch hook that
// answers the feed URLs from fixtures: no network.
import paperfeed from '../../../src/eleventy/index.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(paperfeed, { limit: 10 });
}
