#!/usr/bin/env Rscript
# Golden values for replicate-weight designs read from the data (`--replicate-weights PATTERN
# --replicate-type TYPE ...`), computed with R's survey package (svrepdesign).
#
# Run from the repository root:  Rscript conformance/generate-replicate-goldens.R
# (apt-get install r-cran-survey r-cran-jsonlite). Reads the apistrat fixture that
# generate-goldens.R wrote; writes Tests/ConformanceTests/Fixtures/apistrat-replicates.csv (the
# fixture with replicate weight columns that R made with as.svrepdesign) and
# replicate-goldens.json. The Swift tests read only these files; they never run R.
#
# Conventions, as for the linearized goldens (generate-goldens.R):
# - a domain is estimated on subset(design, domain & !is.na(y)); its interval uses t with degf()
#   of that subset, which for a replicate design is the rank of its replicate weights less one;
# - proportions take svyciprop's logit interval; means, totals and ratios estimate ± t·SE;
# - differences between groups are svycontrast on svyby(covmat = TRUE), t on degf(design);
# - the tests of independence are svychisq on the filtered design.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
out <- "Tests/ConformanceTests/Fixtures"
num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }
bt <- function(x) paste0("`", x, "`")

# ---- the fixture: apistrat with replicate weights made by R ---------------------------------
api <- read.csv(file.path(out, "apistrat.csv"), stringsAsFactors = TRUE)
keep <- c("stype", "api00", "api99", "enroll", "api.stu", "acs.k3", "sch.wide", "awards", "mealcat", "pw", "fpc")
api <- api[, keep]
# 20 clusters of 10 schools within the three strata (in file order), and a second grouping of
# 10 strata with two PSUs each for half-sample replicates.
api$psu <- ave(seq_len(nrow(api)), api$stype, FUN = function(i) paste0(api$stype[i][1], (seq_along(i) - 1) %/% 10 + 1))
api$pair_stratum <- (seq_len(nrow(api)) - 1) %/% 20 + 1
api$pair_psu <- api$pair_stratum * 10 + ((seq_len(nrow(api)) - 1) %/% 10) %% 2 + 1
clustered <- svydesign(ids = ~psu, strata = ~stype, weights = ~pw, data = api)
unstratified <- svydesign(ids = ~psu, weights = ~pw, data = api)
paired <- svydesign(ids = ~pair_psu, strata = ~pair_stratum, weights = ~pw, data = api)
made <- list(
  jk1 = as.svrepdesign(unstratified, type = "JK1", compress = FALSE),
  jkn = as.svrepdesign(clustered, type = "JKn", compress = FALSE),
  brr = as.svrepdesign(paired, type = "BRR", compress = FALSE),
  fay = as.svrepdesign(paired, type = "Fay", fay.rho = 0.3, compress = FALSE))
set.seed(20261202)
made$boot <- as.svrepdesign(clustered, type = "bootstrap", replicates = 40, compress = FALSE)
for (name in names(made)) {
  w <- weights(made[[name]], "analysis")
  for (r in seq_len(ncol(w))) api[[sprintf("%s_%d", name, r)]] <- w[, r]
}
write.csv(api, file.path(out, "apistrat-replicates.csv"), row.names = FALSE, na = "")
api <- read.csv(file.path(out, "apistrat-replicates.csv"), stringsAsFactors = TRUE)

# ---- the designs, as a user would declare them from the columns ----------------------------
cols <- function(prefix) grep(paste0("^", prefix, "_[0-9]+$"), names(api))
jkn_rscales <- made$jkn$rscales
designs <- list(
  jk1 = list(d = svrepdesign(repweights = api[, cols("jk1")], weights = ~pw, data = api, type = "JK1", scale = 19 / 20),
             spec = list(pattern = "jk1_*", type = "jk1", scale = 19 / 20)),
  jkn = list(d = svrepdesign(repweights = api[, cols("jkn")], weights = ~pw, data = api, type = "JKn", rscales = jkn_rscales),
             spec = list(pattern = "jkn_*", type = "jkn", rscales = jkn_rscales)),
  jknmse = list(d = svrepdesign(repweights = api[, cols("jkn")], weights = ~pw, data = api, type = "JKn", rscales = jkn_rscales, mse = TRUE),
                spec = list(pattern = "jkn_*", type = "jkn", rscales = jkn_rscales, mse = TRUE)),
  brr = list(d = svrepdesign(repweights = api[, cols("brr")], weights = ~pw, data = api, type = "BRR"),
             spec = list(pattern = "brr_*", type = "brr")),
  fay = list(d = svrepdesign(repweights = api[, cols("fay")], weights = ~pw, data = api, type = "Fay", rho = 0.3),
             spec = list(pattern = "fay_*", type = "fay", fayRho = 0.3)),
  boot = list(d = svrepdesign(repweights = api[, cols("boot")], weights = ~pw, data = api, type = "bootstrap"),
              spec = list(pattern = "boot_*", type = "bootstrap")),
  sdr = list(d = svrepdesign(repweights = api[, cols("jk1")], weights = ~pw, data = api, type = "successive-difference"),
             spec = list(pattern = "jk1_*", type = "sdr")),
  other = list(d = suppressWarnings(svrepdesign(repweights = api[, cols("boot")], weights = ~pw, data = api, type = "other",
                                                scale = 0.05, rscales = rep(0.5, 40))),
               spec = list(pattern = "boot_*", type = "other", scale = 0.05, rscales = I(0.5)))
)
request_design <- function(spec) list(weights = "pw", clusters = list(), fpc = list(), nest = FALSE, lonelyPSU = "fail",
                                      replicateWeights = spec)

domains_of <- function(by, rfilter) {
  base <- if (is.null(rfilter)) rep(TRUE, nrow(api)) else with(api, eval(parse(text = rfilter)))
  base <- base & !is.na(base)
  if (!length(by)) return(list(list(domain = setNames(list(), character(0)), mask = base)))
  values <- sort(unique(as.character(api[[by]][base & !is.na(api[[by]])])))
  lapply(values, function(v) list(domain = setNames(list(v), by), mask = base & !is.na(api[[by]]) & as.character(api[[by]]) == v))
}

# svyciprop's interval of a share on a replicate design; wilson as generate-goldens.R writes it
# (survey 4.5's formula, which the machine's 4.1 lacks).
ci_prop <- function(expr, sub, method) {
  f <- as.formula(paste("~", expr))
  if (method == "wald") return(as.vector(attr(svyciprop(f, sub, method = "mean"), "ci")))
  if (method == "wilson") {
    m <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub)
    p <- coef(m)[1]; n.eff <- p * (1 - p) / vcov(m)[1, 1]
    t <- qt(0.025, df = degf(sub), lower.tail = FALSE)
    den <- 1 + t^2 / n.eff
    rt <- sqrt(4 * n.eff * p * (1 - p) + t^2)
    return(c((p + t^2 / (2 * n.eff) - t / (2 * n.eff) * rt) / den, (p + t^2 / (2 * n.eff) + t / (2 * n.eff) * rt) / den))
  }
  as.vector(attr(suppressWarnings(svyciprop(f, sub, method = method)), "ci"))
}

golden_rows <- function(d, measures, by = character(0), rfilter = NULL, method = "logit") {
  rows <- list()
  for (m in measures) {
    vars <- c(m$variable, m$denominator)
    for (dm in domains_of(by, rfilter)) {
      ok <- dm$mask & complete.cases(api[, vars, drop = FALSE])
      if (!any(ok)) next
      sub <- d[ok, ]
      dfree <- degf(sub)
      tq <- qt(0.975, dfree)
      base <- list(variable = m$variable, statistic = m$statistic, domain = dm$domain, df = dfree)
      if (m$statistic %in% c("mean", "total", "ratio")) {
        e <- switch(m$statistic,
          mean = svymean(as.formula(paste("~", bt(m$variable))), sub),
          total = svytotal(as.formula(paste("~", bt(m$variable))), sub),
          ratio = svyratio(as.formula(paste("~", bt(m$variable))), as.formula(paste("~", bt(m$denominator))), sub))
        est <- coef(e); se <- sqrt(vcov(e)[1, 1])
        rows[[length(rows) + 1]] <- c(base, list(estimate = num(est), standardError = num(se),
                                                 ciLower = num(est - tq * se), ciUpper = num(est + tq * se), unweightedCount = sum(ok)))
      } else {
        col <- api[[m$variable]]
        for (k in sort(unique(as.character(col[!is.na(col)])))) {
          expr <- sprintf("as.character(%s) == '%s'", bt(m$variable), k)
          e <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub)
          ci <- ci_prop(expr, sub, method)
          rows[[length(rows) + 1]] <- c(base, list(level = k, estimate = num(coef(e)), standardError = num(SE(e)),
                                                   ciLower = num(ci[1]), ciUpper = num(ci[2]),
                                                   unweightedCount = sum(ok & !is.na(col) & as.character(col) == k)))
        }
      }
    }
  }
  rows
}

chisq_golden <- function(d, rowvar, colvar) {
  fm <- as.formula(paste("~", bt(rowvar), "+", bt(colvar)))
  f <- svychisq(fm, d, statistic = "F")
  ch <- svychisq(fm, d, statistic = "Chisq")
  w <- svychisq(fm, d, statistic = "Wald")
  aw <- svychisq(fm, d, statistic = "adjWald")
  k <- (length(unique(api[[rowvar]])) - 1) * (length(unique(api[[colvar]])) - 1)
  list(
    f = list(name = "rao-scott-f", statistic = unname(f$statistic), df = unname(f$parameter), pValue = unname(f$p.value)),
    chisq = list(name = "rao-scott-chisq", statistic = unname(ch$statistic), correctedStatistic = unname(f$statistic) * k,
                 df = I(unname(ch$parameter)), pValue = unname(ch$p.value)),
    wald = list(name = "wald", statistic = unname(w$statistic)[1], df = unname(w$parameter), pValue = unname(w$p.value)[1]),
    adjwald = list(name = "adjusted-wald", statistic = unname(aw$statistic)[1], df = unname(aw$parameter), pValue = unname(aw$p.value)[1]))
}

numeric_measures <- list(list(statistic = "mean", variable = "api00"), list(statistic = "total", variable = "enroll"),
                         list(statistic = "ratio", variable = "api00", denominator = "api99"),
                         list(statistic = "mean", variable = "acs.k3"))
proportion_measures <- list(list(statistic = "proportion", variable = "sch.wide"), list(statistic = "proportion", variable = "awards"))
strip <- function(ms) lapply(ms, function(m) m)
request <- function(spec, measures, by = character(0), rfilter = NULL, method = NULL) {
  r <- list(design = request_design(spec), measures = measures, by = as.list(by),
            options = list(confidenceLevel = 0.95, designEffects = FALSE))
  if (!is.null(method)) r$options$ciMethod <- method
  if (!is.null(rfilter)) r$filter <- rfilter
  r
}

cases <- list()
for (name in names(designs)) {
  d <- designs[[name]]$d; spec <- designs[[name]]$spec
  cases[[length(cases) + 1]] <- list(name = paste(name, "numeric"), data = "apistrat-replicates.csv",
    request = request(spec, numeric_measures), rows = golden_rows(d, numeric_measures), degf = degf(d))
  cases[[length(cases) + 1]] <- list(name = paste(name, "numeric by stype"), data = "apistrat-replicates.csv",
    request = request(spec, numeric_measures, "stype"), rows = golden_rows(d, numeric_measures, "stype"))
  cases[[length(cases) + 1]] <- list(name = paste(name, "numeric filtered"), data = "apistrat-replicates.csv",
    request = request(spec, numeric_measures[1:2], rfilter = "api00 > 600"), rows = golden_rows(d, numeric_measures[1:2], rfilter = "api00 > 600"))
  cases[[length(cases) + 1]] <- list(name = paste(name, "proportions by mealcat"), data = "apistrat-replicates.csv",
    request = request(spec, proportion_measures, "mealcat"), rows = golden_rows(d, proportion_measures, "mealcat"))
  r <- request(spec, list()); r$measures <- list(); r$crosstab <- list(rows = "sch.wide", columns = "stype", percent = "row", test = "f")
  cases[[length(cases) + 1]] <- list(name = paste(name, "crosstab"), data = "apistrat-replicates.csv", request = r,
    tests = chisq_golden(d, "sch.wide", "stype"))
}

# Every interval method of a share, on two types.
for (name in c("jkn", "boot")) {
  d <- designs[[name]]$d; spec <- designs[[name]]$spec
  # (R gives no likelihood interval on a replicate design: svyglm keeps no naive covariance there;
  # Barometer refuses the method instead of printing NA.)
  for (method in c("wald", "xlogit", "beta", "wilson")) {
    cases[[length(cases) + 1]] <- list(name = paste(name, "ci", method), data = "apistrat-replicates.csv",
      request = request(spec, proportion_measures[1], "stype", method = method),
      rows = golden_rows(d, proportion_measures[1], "stype", method = method))
  }
}

# Differences between groups, on every type.
differences <- list()
for (name in names(designs)) {
  d <- designs[[name]]$d; spec <- designs[[name]]$spec
  b <- svyby(~api00, ~stype, d, svymean, covmat = TRUE)
  groups <- c("E", "H", "M"); rows <- list()
  for (pair in list(c(1, 2), c(1, 3), c(2, 3))) {
    contrast <- rep(0, 3); contrast[pair[1]] <- 1; contrast[pair[2]] <- -1
    x <- svycontrast(b, list(d = contrast))
    se <- SE(x); ci <- confint(x, df = degf(d))
    rows[[length(rows) + 1]] <- list(group = groups[pair[1]], reference = groups[pair[2]], estimate = num(coef(x)),
      standardError = num(se), ciLower = num(ci[1, 1]), ciUpper = num(ci[1, 2]), pValue = num(2 * pt(-abs(coef(x) / se), degf(d))))
  }
  differences[[length(differences) + 1]] <- list(name = name, data = "apistrat-replicates.csv",
    request = list(design = request_design(spec), measures = list(list(statistic = "mean", variable = "api00")), by = list("stype"),
                   differences = setNames(list(), character(0))), rows = rows)
}

# Calibration redone on every replicate (R calibrate / postStratify on the replicate design).
population <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
calibrated <- list()
for (name in c("jkn", "brr", "boot")) {
  d <- designs[[name]]$d
  ps <- postStratify(d, ~stype, population, compress = FALSE)
  lin <- calibrate(d, ~stype, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018), compress = FALSE)
  rk <- calibrate(d, ~stype, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018), calfun = "raking", compress = FALSE)
  for (method in c("poststratify", "linear", "raking")) {
    cd <- switch(method, poststratify = ps, linear = lin, raking = rk)
    m <- svymean(~api00, cd); p <- svymean(~sch.wide, cd)
    calibrated[[length(calibrated) + 1]] <- list(name = paste(name, method), design = request_design(designs[[name]]$spec), method = method,
      mean = list(estimate = num(coef(m)), standardError = num(SE(m))),
      proportionYes = list(estimate = num(coef(p)[2]), standardError = num(SE(p)[2])))
  }
}

# Quantiles: svyquantile on the replicate design (interval.type "mean", Woodruff).
quantiles <- list()
for (name in c("jk1", "jkn", "boot")) {
  d <- designs[[name]]$d
  q <- svyquantile(~api00, d, c(0.25, 0.5), ci = TRUE, se = TRUE)$api00
  quantiles[[length(quantiles) + 1]] <- list(name = name, design = request_design(designs[[name]]$spec),
    rows = lapply(1:2, function(i) list(probability = c(0.25, 0.5)[i], estimate = num(q[i, 1]), ciLower = num(q[i, 2]),
                                        ciUpper = num(q[i, 3]), standardError = num(q[i, 4]))))
}

golden <- list(generator = sprintf("R %s, survey %s", getRversion(), packageVersion("survey")),
               cases = cases, differences = differences, calibrated = calibrated, quantiles = quantiles)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(out, "replicate-goldens.json"))
