/* The course draws no math with MathJax: formulas are plain text, so no CDN script is needed. */
