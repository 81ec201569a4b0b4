/**
 * Leaving the page, behind a seam: tests replace `navigation.assign` to observe where the element
 * would go without unloading the test runner.
 */
export const navigation = {
  assign: (url: string): void => window.location.assign(url),
};
