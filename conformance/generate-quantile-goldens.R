#!/usr/bin/env Rscript
# Golden values for quantiles (`estimate --quantile V --probabilities ...`), computed with R's
# survey package at its defaults: svyquantile(~v, design, quantiles = p, ci = TRUE, se = TRUE,
# na.rm = TRUE), that is qrule = "math", Woodruff intervals (interval.type = "mean") on the
# design degrees of freedom of the (sub)design, SE = interval width / (2 qt(0.975, df)).
#
# Run from the repository root:  Rscript conformance/generate-quantile-goldens.R
# (apt-get install r-cran-survey r-cran-jsonlite). Written with survey 4.1.1; survey 4.1 made
# this svyquantile (the old one is oldsvyquantile), so older versions give other numbers.
#
# Reads the fixtures written by generate-goldens.R (apiclus1.csv, apistrat.csv) and writes
# Tests/ConformanceTests/Fixtures/quantile-goldens.json. A domain is the subset design, which is
# what svyby(~v, ~g, design, svyquantile, ...) estimates in each group; a filter likewise.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
out <- "Tests/ConformanceTests/Fixtures"
num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

designs <- list(
  clus1 = list(data = "apiclus1", weights = "pw", clusters = "dnum", fpc = "fpc"),
  strat = list(data = "apistrat", weights = "pw", strata = "stype", fpc = "fpc")
)
design_of <- function(spec) {
  df <- read.csv(file.path(out, paste0(spec$data, ".csv")), stringsAsFactors = TRUE)
  args <- list(ids = if (!is.null(spec$clusters)) as.formula(paste("~", spec$clusters)) else ~1, data = df,
               weights = as.formula(paste("~", spec$weights)), fpc = as.formula(paste("~", spec$fpc)))
  if (!is.null(spec$strata)) args$strata <- as.formula(paste("~", spec$strata))
  do.call(svydesign, args)
}

rows_of <- function(sub, variable, probabilities, domain) {
  x <- model.frame(sub)[[variable]]
  valid <- sub[!is.na(x) & weights(sub) > 0, ]
  n <- sum(!is.na(x) & weights(sub) > 0)
  q <- svyquantile(as.formula(paste("~", variable)), sub, quantiles = probabilities, ci = TRUE, se = TRUE,
                   na.rm = TRUE)[[variable]]
  lapply(seq_along(probabilities), function(k) list(
    variable = variable, statistic = "quantile", level = as.character(probabilities[k]), domain = domain,
    estimate = num(q[k, 1]), ciLower = num(q[k, 2]), ciUpper = num(q[k, 3]), standardError = num(q[k, 4]),
    df = degf(valid), unweightedCount = n))
}

case_of <- function(name, design, variable, probabilities, by = character(0), filter = NULL) {
  d <- design_of(designs[[design]])
  if (!is.null(filter)) d <- eval(parse(text = sprintf("subset(d, %s)", filter)))
  rows <- list()
  if (length(by) == 0) {
    rows <- rows_of(d, variable, probabilities, setNames(list(), character(0)))
  } else {
    g <- model.frame(d)[[by]]
    inside <- weights(d) > 0
    for (level in levels(droplevels(g[inside & !is.na(g)]))) {
      sub <- d[!is.na(g) & g == level, ]
      rows <- c(rows, rows_of(sub, variable, probabilities, setNames(list(level), by)))
    }
  }
  list(name = name, design = design, variable = variable, probabilities = probabilities, by = I(by),
       filter = filter, rows = rows)
}

cases <- list(
  case_of("clustered", "clus1", "api00", c(0.1, 0.25, 0.5, 0.75, 0.9)),
  case_of("clustered-by-type", "clus1", "api00", c(0.25, 0.5, 0.75), by = "stype"),
  case_of("clustered-edges", "clus1", "enroll", c(0.02, 0.5, 0.98), by = "stype"),
  case_of("stratified", "strat", "api00", c(0.25, 0.5, 0.75)),
  case_of("stratified-by-awards", "strat", "api99", c(0.1, 0.5, 0.9), by = "awards"),
  case_of("stratified-missing-values", "strat", "acs.k3", c(0.25, 0.5, 0.75), by = "sch.wide"),
  case_of("stratified-filter", "strat", "meals", c(0.33, 0.5, 0.67), filter = "api00 > 650")
)
writeLines(toJSON(list(generator = paste("R", getRversion(), "survey", packageVersion("survey")), cases = cases),
                  auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           file.path(out, "quantile-goldens.json"))
