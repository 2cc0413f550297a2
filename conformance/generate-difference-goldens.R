#!/usr/bin/env Rscript
# Golden values for the differences between the groups of one sample (`estimate --by G
# --differences [--reference LEVEL]`), computed with R's survey package.
#
# Run from the repository root:  Rscript conformance/generate-difference-goldens.R
# (apt-get install r-cran-survey r-cran-jsonlite). Reads the apistrat and apiclus1 fixtures
# that generate-goldens.R wrote; writes Tests/ConformanceTests/Fixtures/difference-goldens.json.
# The Swift tests read only that file; they never run R.
#
# What a Barometer difference is, in R: with b <- svyby(~y, ~g, design, svymean (svytotal,
# svyratio), covmat = TRUE), the difference of groups A and B is
#   x <- svycontrast(b, setNames(list(contrast), "A - B"))   (contrast: +1 at A, -1 at B)
# estimate coef(x), SE SE(x) (the covariance of the two groups' estimates included), interval
# confint(x, df = degf(design)) (t with the design's degrees of freedom), and p-value
# 2 * pt(-abs(coef(x) / SE(x)), degf(design)). A proportion is svymean of the factor: one
# difference per level. Every pair of groups is the earlier group (in level order) minus the
# later; with a reference group, every other group minus the reference.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
out <- "Tests/ConformanceTests/Fixtures"
read <- function(name) read.csv(file.path(out, paste0(name, ".csv")), stringsAsFactors = TRUE)
apistrat <- read("apistrat"); apiclus1 <- read("apiclus1")
designs <- list(
  strat = list(data = "apistrat", design = svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat),
               request = list(weights = "pw", strata = "stype", clusters = list(), fpc = list("fpc"), nest = FALSE, lonelyPSU = "fail")),
  clus1 = list(data = "apiclus1", design = svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1),
               request = list(weights = "pw", clusters = list("dnum"), fpc = list("fpc"), nest = FALSE, lonelyPSU = "fail"))
)

num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

golden_case <- function(name, which, statistic, variable, by, reference = NULL, denominator = NULL) {
  spec <- designs[[which]]
  design <- spec$design
  dfree <- degf(design)
  groups <- levels(factor(design$variables[[by]]))
  byf <- as.formula(paste("~", by))
  b <- switch(statistic,
    mean = svyby(as.formula(paste("~", variable)), byf, design, svymean, covmat = TRUE),
    proportion = svyby(as.formula(paste("~factor(", variable, ")")), byf, design, svymean, covmat = TRUE),
    total = svyby(as.formula(paste("~", variable)), byf, design, svytotal, covmat = TRUE),
    ratio = svyby(as.formula(paste("~", variable)), byf, design, svyratio, denominator = as.formula(paste("~", denominator)), covmat = TRUE))
  est <- coef(b)
  # Columns of coef(b): group-major for one quantity; level-major ("E:factor(x)No") for a factor.
  levelsOf <- if (statistic == "proportion") levels(factor(design$variables[[variable]])) else NA
  pairs <- if (is.null(reference)) {
    do.call(rbind, lapply(seq_along(groups), function(a) if (a < length(groups)) cbind(a, (a + 1):length(groups))))
  } else {
    r <- match(reference, groups)
    cbind(setdiff(seq_along(groups), r), r)
  }
  rows <- list()
  for (p in seq_len(nrow(pairs))) {
    a <- groups[pairs[p, 1]]; bb <- groups[pairs[p, 2]]
    for (lv in levelsOf) {
      nameA <- if (is.na(lv)) a else sprintf("%s:factor(%s)%s", a, variable, lv)
      nameB <- if (is.na(lv)) bb else sprintf("%s:factor(%s)%s", bb, variable, lv)
      contrast <- setNames(rep(0, length(est)), names(est))
      contrast[nameA] <- 1; contrast[nameB] <- -1
      stopifnot(sum(abs(contrast)) == 2)
      x <- svycontrast(b, list(d = unname(contrast)))
      ci <- confint(x, df = dfree)
      se <- SE(x)
      rows[[length(rows) + 1]] <- list(
        variable = variable, statistic = "difference", of = statistic,
        group = setNames(list(a), by), reference = setNames(list(bb), by),
        level = if (is.na(lv)) NULL else lv,
        estimate = num(coef(x)), standardError = num(se), ciLower = num(ci[1, 1]), ciUpper = num(ci[1, 2]),
        pValue = num(2 * pt(-abs(coef(x) / se), dfree)), df = dfree,
        groupEstimate = num(est[nameA]), referenceEstimate = num(est[nameB]))
    }
  }
  measure <- list(statistic = statistic, variable = variable)
  if (!is.null(denominator)) measure$denominator <- denominator
  differences <- if (is.null(reference)) setNames(list(), character(0)) else list(reference = reference)
  list(name = name, data = paste0(spec$data, ".csv"),
       request = list(design = spec$request, measures = list(measure), by = list(by), differences = differences),
       rows = rows)
}

cases <- list(
  golden_case("strat-mean-mealcat-pairs", "strat", "mean", "api00", "mealcat"),
  golden_case("strat-mean-mealcat-reference", "strat", "mean", "api00", "mealcat", reference = "3"),
  golden_case("strat-proportion-mealcat-pairs", "strat", "proportion", "sch.wide", "mealcat"),
  golden_case("strat-proportion-mealcat-reference", "strat", "proportion", "awards", "mealcat", reference = "1"),
  golden_case("clus1-mean-stype-pairs", "clus1", "mean", "api00", "stype"),
  golden_case("clus1-mean-stype-reference", "clus1", "mean", "enroll", "stype", reference = "H"),
  golden_case("clus1-proportion-stype-pairs", "clus1", "proportion", "sch.wide", "stype"),
  golden_case("clus1-proportion-stype-reference", "clus1", "proportion", "both", "stype", reference = "M"),
  golden_case("clus1-total-stype-pairs", "clus1", "total", "enroll", "stype"),
  golden_case("strat-ratio-mealcat-pairs", "strat", "ratio", "api.stu", "mealcat", denominator = "enroll")
)
golden <- list(generator = sprintf("R %s, survey %s", getRversion(), packageVersion("survey")), cases = cases)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(out, "difference-goldens.json"))
