#!/usr/bin/env Rscript
# Golden values for the shares of coded mentions (`--mentions`, `--mentioned`) of a
# multiple-response question, computed with R's survey package.
#
# Run from the repository root:  Rscript conformance/generate-mention-goldens.R
# (apt-get install r-cran-survey r-cran-jsonlite)
#
# Writes Tests/ConformanceTests/Fixtures/mentions.csv (a stratified two-stage sample whose
# respondents gave up to two coded reasons, 1-7, code 7 "other / don't know" uncodable) and
# mention-goldens.json. The Swift tests read only these files; they never run R.
#
# What the Barometer statistics are, in R:
# - share of all mentions of code k: svyratio(~y_k, ~x, sub), y_k = mentions of k by the
#   respondent (0, 1 or 2), x = the respondent's valid mentions, sub = subset(design, x > 0 &
#   domain); interval estimate +- qt(degf(sub)) * SE;
# - share of respondents mentioning k: svyciprop(~I(y_k > 0), sub) (logit, df = degf(sub)), as
#   every Barometer proportion;
# - the categorizable base: code 7 is not a mention (NA) before anything is computed;
# - differences between groups, per code: svychisq(~m_k + group, sub, statistic = "F") on the
#   respondents with a mention, p-values adjusted with p.adjust(method = "holm").
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
out <- "Tests/ConformanceTests/Fixtures"
set.seed(20221114)

# ---- data ----------------------------------------------------------------------------------
n_strata <- 4; psu_per <- 6; per_psu <- 18
n <- n_strata * psu_per * per_psu
stratum <- rep(seq_len(n_strata), each = psu_per * per_psu)
psu <- rep(seq_len(n_strata * psu_per), each = per_psu)
language <- ifelse(runif(n) < 0.35 + 0.1 * (stratum %% 2), "ru", "kk")
agegroup <- sample(c("18-29", "30-49", "50+"), n, replace = TRUE, prob = c(0.3, 0.4, 0.3))
weight <- round(runif(n, 0.4, 2.2) * (1 + 0.3 * stratum), 4)
# Reason 1: asked of about 60%; code probabilities differ by language. Reason 2 of about a third of those.
p_kk <- c(0.40, 0.10, 0.05, 0.03, 0.14, 0.10, 0.18)
p_ru <- c(0.50, 0.06, 0.12, 0.02, 0.08, 0.05, 0.17)
draw <- function(lang) sample(1:7, 1, prob = if (lang == "ru") p_ru else p_kk)
reason1 <- rep(NA_integer_, n); reason2 <- rep(NA_integer_, n)
for (i in seq_len(n)) {
  if (runif(1) < 0.6) {
    reason1[i] <- draw(language[i])
    if (reason1[i] != 7 && runif(1) < 0.35) reason2[i] <- draw(language[i])
  }
}
data <- data.frame(id = seq_len(n), stratum, psu, weight, language, agegroup, reason1, reason2)
write.csv(data, file.path(out, "mentions.csv"), row.names = FALSE, na = "")
data <- read.csv(file.path(out, "mentions.csv"), stringsAsFactors = TRUE)
design <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = data, nest = TRUE)
labels <- c("domestic", "relationship", "bonds", "practical", "benign", "strong", "other")

num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

# Counts per respondent of the mentions of each code, with the codes in `uncodable` left out.
counts <- function(uncodable) {
  r1 <- data$reason1; r2 <- data$reason2
  r1[r1 %in% uncodable] <- NA; r2[r2 %in% uncodable] <- NA
  x <- as.numeric(!is.na(r1)) + as.numeric(!is.na(r2))
  y <- sapply(1:7, function(k) as.numeric(!is.na(r1) & r1 == k) + as.numeric(!is.na(r2) & r2 == k))
  list(x = x, y = y)
}

golden_rows <- function(statistic, by, uncodable) {
  cnt <- counts(uncodable)
  design <- update(design, x = cnt$x)
  for (k in 1:7) design <- eval(parse(text = sprintf("update(design, y%d = cnt$y[, %d], m%d = as.numeric(cnt$y[, %d] > 0))", k, k, k, k)))
  groups <- if (length(by)) sort(unique(as.character(data[[by]]))) else ""
  rows <- list()
  for (g in groups) {
    inside <- cnt$x > 0 & (if (length(by)) as.character(data[[by]]) == g else TRUE)
    sub <- subset(design, inside)
    dfree <- degf(sub)
    for (k in 1:7) {
      if (k %in% uncodable) next
      base <- list(variable = "reason1,reason2", statistic = statistic, level = labels[k], df = dfree,
                   domain = if (length(by)) setNames(list(g), by) else setNames(list(), character(0)))
      if (!any(cnt$y[, k] > 0 & cnt$x > 0)) next  # a code no respondent mentioned is not a category
      if (statistic == "mentions") {
        e <- svyratio(as.formula(sprintf("~y%d", k)), ~x, sub)
        est <- coef(e); se <- sqrt(e$var[1, 1])
        tq <- qt(0.975, dfree)
        rows[[length(rows) + 1]] <- c(base, list(estimate = num(est), standardError = num(se),
                                                 ciLower = num(est - tq * se), ciUpper = num(est + tq * se),
                                                 unweightedCount = sum(cnt$y[inside, k])))
      } else {
        m <- svymean(as.formula(sprintf("~m%d", k)), sub)
        ci <- as.vector(attr(suppressWarnings(svyciprop(as.formula(sprintf("~I(m%d == 1)", k)), sub, method = "logit")), "ci"))
        rows[[length(rows) + 1]] <- c(base, list(estimate = num(coef(m)), standardError = num(SE(m)),
                                                 ciLower = num(ci[1]), ciUpper = num(ci[2]),
                                                 unweightedCount = sum(cnt$y[inside, k] > 0)))
      }
    }
  }
  rows
}

golden_tests <- function(by, uncodable) {
  cnt <- counts(uncodable)
  design <- update(design, x = cnt$x)
  tests <- list()
  for (k in 1:7) {
    if (k %in% uncodable) next
    design <- eval(parse(text = sprintf("update(design, m%d = factor(as.numeric(cnt$y[, %d] > 0)))", k, k)))
    sub <- subset(design, x > 0)
    t <- svychisq(as.formula(sprintf("~m%d + %s", k, by)), sub, statistic = "F")
    tests[[length(tests) + 1]] <- list(level = labels[k], statistic = unname(t$statistic), df = unname(t$parameter),
                                       pValue = unname(t$p.value))
  }
  adjusted <- p.adjust(sapply(tests, `[[`, "pValue"), method = "holm")
  for (i in seq_along(tests)) tests[[i]]$adjustedPValue <- adjusted[i]
  tests
}

cases <- list()
for (statistic in c("mentions", "mentioned")) {
  for (uncodable in list(integer(0), 7L)) {
    for (by in list(character(0), "language", "agegroup")) {
      name <- paste(statistic, if (length(uncodable)) "categorizable" else "all", if (length(by)) paste("by", by) else "")
      case <- list(name = trimws(name), statistic = statistic, by = I(by), missing = if (length(uncodable)) "exclude" else "include",
                   rows = golden_rows(statistic, by, uncodable))
      if (statistic == "mentioned" && length(by)) case$tests <- golden_tests(by, uncodable)
      cases[[length(cases) + 1]] <- case
    }
  }
}
writeLines(toJSON(list(generator = paste("R", getRversion(), "survey", packageVersion("survey")), labels = labels, cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           file.path(out, "mention-goldens.json"))
