#!/usr/bin/env Rscript
# Golden values for Barometer's WEIGHTING conformance tests (post-stratification, raking,
# calibration, weight trimming) and for estimates made with the weighted design, computed with
# R's survey package.
#
# Run from the repository root:  Rscript conformance/generate-weighting-goldens.R
# (R and the survey package: apt-get install r-cran-survey r-cran-jsonlite)
#
# Reads Tests/ConformanceTests/Fixtures/{apistrat,apiclus1,apiclus2}.csv, which
# generate-goldens.R wrote and which are committed: this script never rewrites them, so R and
# Swift see identical data. Writes Tests/ConformanceTests/Fixtures/weighting-goldens.json.
#
# Each case carries "weighting" (what Barometer is asked to do), "request" (an AnalysisRequest as
# in goldens.json, whose design is the BASE design), "weights" (weights() of the final design, one
# per row in file order), and "rows"/"tests" computed on the weighted design exactly as
# generate-goldens.R computes them on an unweighted one. Error cases carry "error" (a substring of
# Barometer's message) and "rError" (R's condition message) instead of weights and rows.
#
# The R call each weighting method means:
# - poststratify: postStratify(design, ~v, data.frame(v = levels, Freq = counts)) for a single
#   margin, or postStratify(design, ~a + b, data.frame(a, b, Freq)) for a single cells entry.
# - rake: rake(design, list(~m1, ..., ~a + b, ...), list(df_m1, ..., df_ab, ...)) with R's default
#   control (maxit = 10, epsilon = 1). Margins come first, in the listed order, then cells
#   entries, in the listed order (raking is order dependent: the last margin fits exactly).
# - linear / raking / logit: calibrate(design, ~ m1 + m2 + ... + t1 + t2, population,
#   calfun = method, bounds =, trim =) with R's defaults (maxit = 50, epsilon = 1e-7); population
#   is c(`(Intercept)` = N, counts of every non-first level of each margin named as model.matrix
#   names them (treatment contrasts, levels in the data's factor order), numeric totals).
#   N = "population" when given, else the sum of the first margin's counts. No cells.
# - none: no calibration.
# - trimWeights, when given, is trimWeights(design, upper =, lower =, strict =) applied after the
#   method (to the base design when the method is "none"); a missing bound is infinite.
# Targets are counts, except in the cases whose margins sum to 1: those are SHARES (there is no
# flag in the JSON), and the counts are share * population, or share * sum(weights(base design))
# when "population" is absent.
#
# JSON conventions: "margins", "cells" and "totals" are omitted from "targets" when empty (so
# method "none" has "targets": {}); "population", "bounds", "trim", "trimWeights" are omitted when
# not used. Cells keys join the levels of the listed variables with "|" in the listed order.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
data(api)  # apipop: the population, for targets R's documentation does not give
`%||%` <- function(a, b) if (is.null(a)) b else a
fixtures <- "Tests/ConformanceTests/Fixtures"

# ---- data (read, never written) ------------------------------------------------------------
datasets <- list()
for (nm in c("apistrat", "apiclus1", "apiclus2")) {
  datasets[[nm]] <- read.csv(file.path(fixtures, paste0(nm, ".csv")), stringsAsFactors = TRUE)
}

designs <- list(
  strat = list(data = "apistrat", weights = "pw", strata = "stype", clusters = character(0), fpc = "fpc"),
  clus1 = list(data = "apiclus1", weights = "pw", clusters = "dnum", fpc = "fpc"),
  clus2 = list(data = "apiclus2", clusters = c("dnum", "snum"), fpc = c("fpc1", "fpc2")),
  clus2uc = list(data = "apiclus2", weights = "pw", clusters = c("dnum", "snum"), fpc = character(0))
)

design_of <- function(spec) {
  df <- datasets[[spec$data]]
  ids <- if (length(spec$clusters)) as.formula(paste("~", paste(spec$clusters, collapse = "+"))) else ~1
  args <- list(ids = ids, data = df, nest = isTRUE(spec$nest))
  if (!is.null(spec$weights)) args$weights <- as.formula(paste("~", spec$weights))
  if (!is.null(spec$strata)) args$strata <- as.formula(paste("~", spec$strata))
  if (length(spec$fpc)) args$fpc <- as.formula(paste("~", paste(spec$fpc, collapse = "+")))
  suppressWarnings(do.call(svydesign, args))
}

spec_json <- function(spec, lonely = "fail") {
  list(weights = spec$weights, strata = spec$strata, clusters = I(spec$clusters), fpc = I(spec$fpc),
       nest = isTRUE(spec$nest), lonelyPSU = lonely)
}

# ---- population figures --------------------------------------------------------------------
# From R's documentation (?rake, ?calibrate):
N_pop <- 6194
pop_stype <- c(E = 4421, H = 755, M = 1018)
pop_schwide <- c(No = 1072, Yes = 5122)
pop_api99 <- 3914069
# From apipop:
cell_table <- table(apipop$stype, apipop$sch.wide)
pop_cells <- c()
for (a in rownames(cell_table)) for (b in colnames(cell_table)) pop_cells[paste(a, b, sep = "|")] <- cell_table[a, b]
pop_awards <- c(table(apipop$awards))
stopifnot(all(rowSums(cell_table)[names(pop_stype)] == pop_stype),
          all(colSums(cell_table)[names(pop_schwide)] == pop_schwide),
          sum(pop_cells) == N_pop, sum(pop_awards) == N_pop, sum(apipop$api99) == pop_api99)

# ---- weighting specs -----------------------------------------------------------------------
margin <- function(variable, targets) list(variable = variable, targets = as.list(targets))
cells <- function(variables, targets) list(variables = I(variables), targets = as.list(targets))
total <- function(variable, value) list(variable = variable, total = value)
W <- function(method, margins = list(), cells = list(), totals = list(), population = NULL,
              bounds = NULL, trim = NULL, trimWeights = NULL) {
  targets <- setNames(list(), character(0))
  if (length(margins)) targets$margins <- margins
  if (length(cells)) targets$cells <- cells
  if (length(totals)) targets$totals <- totals
  if (!is.null(population)) targets$population <- population
  w <- list(method = method, targets = targets)
  if (!is.null(bounds)) w$bounds <- bounds
  if (!is.null(trim)) w$trim <- trim
  if (!is.null(trimWeights)) w$trimWeights <- trimWeights
  w
}
TW <- function(lower = NULL, upper = NULL, strict = FALSE) {
  t <- list()
  if (!is.null(lower)) t$lower <- lower
  if (!is.null(upper)) t$upper <- upper
  t$strict <- strict
  t
}

# Shares are margins (or cells) whose targets sum to 1.
is_shares <- function(targets) abs(sum(unlist(targets)) - 1) < 1e-9
counts_of <- function(targets, w, base) {
  v <- unlist(targets)
  if (is_shares(targets)) v * (w$targets$population %||% sum(weights(base))) else v
}
# Population data.frame for postStratify/rake.
margin_df <- function(m, w, base) {
  cnt <- counts_of(m$targets, w, base)
  df <- data.frame(names(cnt), stringsAsFactors = FALSE)
  names(df) <- m$variable
  df$Freq <- unname(cnt)
  df
}
cells_df <- function(cl, w, base) {
  cnt <- counts_of(cl$targets, w, base)
  parts <- strsplit(names(cnt), "|", fixed = TRUE)
  df <- as.data.frame(setNames(lapply(seq_along(cl$variables), function(j) sapply(parts, `[`, j)),
                               cl$variables), stringsAsFactors = FALSE)
  df$Freq <- unname(cnt)
  df
}
margin_formula <- function(m) as.formula(paste("~", m$variable))
cells_formula <- function(cl) as.formula(paste("~", paste(cl$variables, collapse = "+")))

# calibrate()'s formula and population vector.
calibration_of <- function(w, base, df) {
  stopifnot(is.null(w$targets$cells))
  terms <- character(0)
  pop <- c()
  margins <- w$targets$margins %||% list()
  totals <- w$targets$totals %||% list()
  first <- if (length(margins)) sum(counts_of(margins[[1]]$targets, w, base)) else NULL
  pop["(Intercept)"] <- w$targets$population %||% first
  for (m in margins) {
    cnt <- counts_of(m$targets, w, base)
    lv <- levels(df[[m$variable]])
    stopifnot(setequal(lv, names(cnt)))
    for (l in lv[-1]) pop[paste0(m$variable, l)] <- cnt[[l]]
    terms <- c(terms, m$variable)
  }
  for (t in totals) { pop[t$variable] <- t$total; terms <- c(terms, t$variable) }
  list(formula = as.formula(paste("~", paste(terms, collapse = " + "))), population = pop)
}

apply_weighting <- function(base, w, df) {
  margins <- w$targets$margins %||% list()
  cl <- w$targets$cells %||% list()
  d <- switch(w$method,
    poststratify = {
      stopifnot(length(margins) + length(cl) == 1)
      if (length(cl)) postStratify(base, cells_formula(cl[[1]]), cells_df(cl[[1]], w, base))
      else postStratify(base, margin_formula(margins[[1]]), margin_df(margins[[1]], w, base))
    },
    rake = rake(base, c(lapply(margins, margin_formula), lapply(cl, cells_formula)),
                c(lapply(margins, margin_df, w = w, base = base), lapply(cl, cells_df, w = w, base = base))),
    linear = , raking = , logit = {
      cal <- calibration_of(w, base, df)
      args <- list(base, cal$formula, cal$population, calfun = w$method)
      if (!is.null(w$bounds)) args$bounds <- w$bounds
      if (!is.null(w$trim)) args$trim <- w$trim
      do.call(calibrate, args)
    },
    none = base,
    stop("unknown method ", w$method))
  if (!is.null(w$trimWeights)) {
    t <- w$trimWeights
    d <- trimWeights(d, upper = t$upper %||% Inf, lower = t$lower %||% -Inf, strict = isTRUE(t$strict))
  }
  d
}

last_notes <- character(0)
# Evaluate, collecting R's warnings and messages (printed, so the log shows them).
noisy <- function(expr, name) {
  notes <- character(0)
  on.exit(for (n in notes) cat(sprintf("  [%s] R %s\n", name, n)))
  value <- withCallingHandlers(expr,
    warning = function(c) { notes <<- c(notes, paste("warning:", conditionMessage(c))); invokeRestart("muffleWarning") },
    message = function(c) { notes <<- c(notes, paste("message:", trimws(conditionMessage(c)))); invokeRestart("muffleMessage") })
  last_notes <<- notes
  value
}

# ---- checks on the weights -----------------------------------------------------------------
check_weights <- function(name, w, base, d, df) {
  wt <- weights(d); w0 <- weights(base)
  stopifnot(length(wt) == nrow(df), all(is.finite(wt)), all(wt > 0))
  info <- sprintf("sum %.6f (base %.6f), range [%.4f, %.4f]", sum(wt), sum(w0), min(wt), max(wt))
  margins <- w$targets$margins %||% list()
  cl <- w$targets$cells %||% list()
  # weights before trimWeights
  pre <- if (is.null(w$trimWeights)) d else apply_weighting(base, modifyList(w, list(trimWeights = NULL)), df)
  wp <- weights(pre)
  achieved <- function(vars) {
    key <- do.call(paste, c(lapply(vars, function(v) as.character(df[[v]])), sep = "|"))
    tapply(wp, key, sum)
  }
  if (w$method %in% c("poststratify", "rake")) {
    gap <- 0
    for (m in margins) { cnt <- counts_of(m$targets, w, base); a <- achieved(m$variable); gap <- max(gap, abs(a[names(cnt)] - cnt)) }
    for (c1 in cl) { cnt <- counts_of(c1$targets, w, base); a <- achieved(c1$variables); gap <- max(gap, abs(a[names(cnt)] - cnt)) }
    info <- paste0(info, sprintf(", max |achieved - target| = %.3g", gap))
    if (w$method == "poststratify") stopifnot(gap < 1e-6 * N_pop)
    # R's rake stops once no cell of the cross-classification of ALL raking variables moves by
    # epsilon = 1 or more in one sweep; the margins then fit only approximately (off by about 1.1
    # with stype, sch.wide and awards, where awards = Yes implies sch.wide = Yes).
    else stopifnot(!any(grepl("did not converge", last_notes)), gap < 2)
  }
  if (w$method %in% c("linear", "raking", "logit")) {
    cal <- calibration_of(w, base, df)
    mm <- model.matrix(cal$formula, model.frame(cal$formula, df))
    misfit <- max(abs(colSums(mm * wp) - cal$population[colnames(mm)]) / (1 + abs(cal$population[colnames(mm)])))
    g <- wp / w0
    info <- paste0(info, sprintf(", g in [%.6f, %.6f], max relative misfit %.3g", min(g), max(g), misfit))
    # trim= redistributes the trimmed weight, so only the sum of the weights (the intercept) still fits.
    if (is.null(w$trim)) stopifnot(misfit < 1e-7) else stopifnot(abs(sum(wp) - cal$population[["(Intercept)"]]) < 1e-7 * N_pop)
    if (!is.null(w$trim)) {
      gu <- weights(apply_weighting(base, modifyList(w, list(trim = NULL, trimWeights = NULL)), df)) / w0
      n <- sum(gu < w$trim[1] | gu > w$trim[2])
      info <- paste0(info, sprintf(", %d g outside trim before trimming (g in [%.6f, %.6f] then)", n, min(gu), max(gu)))
      stopifnot(n > 0, max(abs(g - gu)) > 1e-6)
    }
    if (!is.null(w$bounds)) {
      gb <- if (is.null(w$trim)) g else gu
      stopifnot(all(gb >= w$bounds[1] - 1e-9), all(gb <= w$bounds[2] + 1e-9))
      atb <- c(sum(abs(gb - w$bounds[1]) < 1e-9), sum(abs(gb - w$bounds[2]) < 1e-9))
      info <- paste0(info, sprintf(", at bounds: %d lower, %d upper", atb[1], atb[2]))
      # bounds must bind, except for logit (never reaches them) and the wide bounds of the trim case
      if (w$method != "logit" && is.null(w$trim)) stopifnot(sum(atb) > 0)
    }
  }
  if (!is.null(w$trimWeights)) {
    t <- w$trimWeights
    stopifnot(abs(sum(wt) - sum(wp)) < 1e-8 * sum(wp))
    lo <- t$lower %||% -Inf; hi <- t$upper %||% Inf
    outside <- sum(wt < lo - 1e-9 | wt > hi + 1e-9)
    info <- paste0(info, sprintf(", trimWeights: %d of %d outside the limits before, %d after",
                                 sum(wp < lo | wp > hi), length(wp), outside))
    stopifnot(any(wp < lo | wp > hi))
    if (isTRUE(t$strict)) stopifnot(outside == 0)
  }
  cat(sprintf("  [%s] %s\n", name, info))
}

# ---- estimates on a design object (generate-goldens.R's helpers, given the design) -----------
bt <- function(x) paste0("`", x, "`")
levels_of <- function(x) if (is.factor(x)) levels(droplevels(x)) else as.character(sort(unique(x[!is.na(x)])))
eq_expr <- function(var, value, col) if (is.factor(col)) sprintf("%s == '%s'", bt(var), value) else sprintf("%s == %s", bt(var), value)
num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

domains_of <- function(df, by, rfilter) {
  base <- if (is.null(rfilter)) rep(TRUE, nrow(df)) else with(df, eval(parse(text = rfilter)))
  base <- base & !is.na(base)
  if (!length(by)) return(list(list(domain = setNames(list(), character(0)), mask = base)))
  combos <- unique(df[base & complete.cases(df[, by, drop = FALSE]), by, drop = FALSE])
  lapply(seq_len(nrow(combos)), function(i) {
    m <- base
    dom <- list()
    for (v in by) {
      val <- combos[i, v]
      m <- m & !is.na(df[[v]]) & df[[v]] == val
      dom[[v]] <- as.character(val)
    }
    list(domain = dom, mask = m)
  })
}

ci_prop <- function(expr, sub, method, level) {
  f <- as.formula(paste("~", expr))
  if (method == "wald") return(as.vector(attr(svyciprop(f, sub, method = "mean", level = level), "ci")))
  if (method == "wilson") {
    m <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub)
    p <- coef(m)[1]; n.eff <- p * (1 - p) / vcov(m)[1, 1]
    t <- qt((1 - level) / 2, df = degf(sub), lower.tail = FALSE)
    den <- 1 + t^2 / n.eff
    rt <- sqrt(4 * n.eff * p * (1 - p) + t^2)
    return(c((p + t^2 / (2 * n.eff) - t / (2 * n.eff) * rt) / den, (p + t^2 / (2 * n.eff) + t / (2 * n.eff) * rt) / den))
  }
  as.vector(attr(suppressWarnings(svyciprop(f, sub, method = method, level = level)), "ci"))
}

# Unlike generate-goldens.R, every estimator gets na.rm = TRUE: subset() of a calibrated or
# post-stratified design keeps the rows outside the domain (with zero weight), and R's variance of
# a variable that is NA on any of them is NA (NaN, or an error after calibrate()). With na.rm = TRUE
# those rows contribute zero, which is the domain estimate; on designs that subset() shrinks (no
# calibration) it changes nothing.
golden_rows <- function(d, df, measures, by = character(0), rfilter = NULL, method = NULL, level = 0.95) {
  method <- method %||% "logit"  # Barometer's default for proportions, as svyciprop
  rows <- list()
  for (m in measures) {
    vars <- c(m$variable, m$denominator)
    for (dm in domains_of(df, by, rfilter)) {
      ok <- dm$mask & complete.cases(df[, vars, drop = FALSE])
      if (!any(ok)) next
      sub <- subset(d, ok)
      dfree <- degf(sub)
      tq <- qt(1 - (1 - level) / 2, dfree)
      base <- list(variable = m$variable, statistic = m$statistic, domain = dm$domain, df = dfree)
      if (m$statistic %in% c("mean", "total", "ratio")) {
        if (m$statistic == "ratio") {
          e1 <- svyratio(as.formula(paste("~", bt(m$variable))), as.formula(paste("~", bt(m$denominator))), sub, deff = TRUE, na.rm = TRUE)
          e2 <- svyratio(as.formula(paste("~", bt(m$variable))), as.formula(paste("~", bt(m$denominator))), sub, deff = "replace", na.rm = TRUE)
          est <- coef(e1); se <- sqrt(e1$var[1, 1])
        } else {
          fn <- if (m$statistic == "mean") svymean else svytotal
          e1 <- fn(as.formula(paste("~", bt(m$variable))), sub, deff = TRUE, na.rm = TRUE)
          e2 <- fn(as.formula(paste("~", bt(m$variable))), sub, deff = "replace", na.rm = TRUE)
          est <- coef(e1); se <- SE(e1)
        }
        r <- c(base, list(estimate = num(est), standardError = num(se),
                          ciLower = num(est - tq * se), ciUpper = num(est + tq * se),
                          designEffect = num(deff(e1)), designEffectWithReplacement = num(deff(e2)),
                          unweightedCount = sum(ok)))
        rows[[length(rows) + 1]] <- r
      } else {
        col <- df[[m$variable]]
        for (k in levels_of(col)) {
          expr <- eq_expr(m$variable, k, col)
          e1 <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub, deff = TRUE, na.rm = TRUE)
          e2 <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub, deff = "replace", na.rm = TRUE)
          ci <- tryCatch(ci_prop(expr, sub, method, level), error = function(e) c(NA, NA))
          # A share of exactly 0 or 1 has no design effect; R divides two rounding errors there.
          degenerate <- coef(e1)[1] < 1e-12 || coef(e1)[1] > 1 - 1e-12
          r <- c(base, list(level = k, estimate = num(coef(e1)), standardError = num(SE(e1)),
                            ciLower = num(ci[1]), ciUpper = num(ci[2]),
                            designEffect = if (degenerate) NULL else num(deff(e1)),
                            designEffectWithReplacement = if (degenerate) NULL else num(deff(e2)),
                            unweightedCount = sum(ok & !is.na(col) & as.character(col) == k)))
          rows[[length(rows) + 1]] <- r
        }
      }
    }
  }
  rows
}

crosstab_golden <- function(d, df, rowvar, colvar, rfilter = NULL, percent = "row", method = "logit", level = 0.95) {
  valid <- if (is.null(rfilter)) "TRUE" else paste0("(", rfilter, ")")
  rows <- list()
  if (percent == "row") {
    rows <- golden_rows(d, df, list(list(statistic = "proportion", variable = colvar)), by = rowvar, rfilter = rfilter, method = method, level = level)
    rows <- lapply(rows, function(r) { r$cell <- list(row = r$domain[[rowvar]], column = r$level); r })
  } else if (percent == "column") {
    rows <- golden_rows(d, df, list(list(statistic = "proportion", variable = rowvar)), by = colvar, rfilter = rfilter, method = method, level = level)
    rows <- lapply(rows, function(r) { r$cell <- list(row = r$level, column = r$domain[[colvar]]); r })
  } else {
    ok <- with(df, eval(parse(text = valid))) & !is.na(df[[rowvar]]) & !is.na(df[[colvar]])
    sub <- subset(d, ok)
    for (b in levels_of(df[[colvar]][ok])) for (a in levels_of(df[[rowvar]][ok])) {
      expr <- paste(eq_expr(rowvar, a, df[[rowvar]]), "&", eq_expr(colvar, b, df[[colvar]]))
      e1 <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub, deff = TRUE, na.rm = TRUE)
      ci <- ci_prop(paste0("(", expr, ")"), sub, method, level)
      rows[[length(rows) + 1]] <- list(cell = list(row = a, column = b), estimate = num(coef(e1)),
                                       standardError = num(SE(e1)), ciLower = num(ci[1]), ciUpper = num(ci[2]),
                                       df = degf(sub))
    }
  }
  rows
}

chisq_golden <- function(d, df, rowvar, colvar, rfilter = NULL) {
  ok <- !is.na(df[[rowvar]]) & !is.na(df[[colvar]])
  if (!is.null(rfilter)) { f <- with(df, eval(parse(text = rfilter))); ok <- ok & f & !is.na(f) }
  sub <- subset(d, ok)
  fm <- as.formula(paste("~", bt(rowvar), "+", bt(colvar)))
  k <- (length(unique(df[[rowvar]][ok])) - 1) * (length(unique(df[[colvar]][ok])) - 1)
  f <- svychisq(fm, sub, statistic = "F")
  ch <- svychisq(fm, sub, statistic = "Chisq")
  w <- svychisq(fm, sub, statistic = "Wald")
  aw <- svychisq(fm, sub, statistic = "adjWald")
  list(
    f = list(name = "rao-scott-f", statistic = unname(f$statistic), df = unname(f$parameter), pValue = unname(f$p.value)),
    # R's printed statistic (Pearson's X²) and the corrected one its p-value uses.
    chisq = list(name = "rao-scott-chisq", statistic = unname(ch$statistic), correctedStatistic = unname(f$statistic) * k,
                 df = I(unname(ch$parameter)), pValue = unname(ch$p.value)),
    wald = list(name = "wald", statistic = unname(w$statistic)[1], df = unname(w$parameter), pValue = unname(w$p.value)[1]),
    adjwald = list(name = "adjusted-wald", statistic = unname(aw$statistic)[1], df = unname(aw$parameter), pValue = unname(aw$p.value)[1])
  )
}

# ---- cases ---------------------------------------------------------------------------------
cases <- list()
final_designs <- list()
add <- function(name, design, weighting, measures = list(), by = character(0), filter = NULL, rfilter = NULL,
                method = NULL, level = 0.95, crosstab = NULL, error = NULL) {
  spec <- designs[[design]]
  df <- datasets[[spec$data]]
  base <- design_of(spec)
  req <- list(design = spec_json(spec), measures = measures, by = I(by),
              options = list(confidenceLevel = level, designEffects = TRUE))
  if (!is.null(method)) req$options$ciMethod <- method
  if (!is.null(filter)) req$filter <- filter
  if (!is.null(crosstab)) req$crosstab <- crosstab
  case <- list(name = name, data = paste0(spec$data, ".csv"), weighting = weighting, request = req)
  if (!is.null(error)) {
    msg <- tryCatch({ noisy(apply_weighting(base, weighting, df), name); NULL },
                    error = function(e) conditionMessage(e))
    if (is.null(msg)) stop("case '", name, "' was expected to fail but R succeeded")
    cat(sprintf("  [%s] R error: %s\n", name, msg))
    case$error <- error; case$rError <- msg
  } else {
    d <- noisy(apply_weighting(base, weighting, df), name)
    check_weights(name, weighting, base, d, df)
    final_designs[[name]] <<- d
    case$weights <- unname(weights(d))
    if (!is.null(crosstab)) {
      case$rows <- noisy(crosstab_golden(d, df, crosstab$rows, crosstab$columns, rfilter, crosstab$percent, method %||% "logit", level), name)
      case$tests <- noisy(chisq_golden(d, df, crosstab$rows, crosstab$columns, rfilter), name)
    } else {
      case$rows <- noisy(golden_rows(d, df, measures, by, rfilter, method, level), name)
    }
    complete <- function(r) all(!sapply(r[c("estimate", "standardError", "ciLower", "ciUpper")], is.null))
    stopifnot(length(case$rows) > 0, all(sapply(case$rows, complete)))
  }
  cases[[length(cases) + 1]] <<- case
}
M <- function(statistic, variable, denominator = NULL) {
  m <- list(statistic = statistic, variable = variable)
  if (!is.null(denominator)) m$denominator <- denominator
  m
}
measures <- list(M("mean", "api00"), M("total", "enroll"), M("ratio", "api00", "api99"), M("proportion", "awards"))
# For designs weighted on awards: a share the weighting fixes has an SE of rounding noise (1e-6 after
# raking, 1e-13 after an exact fit) and a meaningless design effect, so estimate yr.rnd instead.
measures_yr <- list(M("mean", "api00"), M("total", "enroll"), M("ratio", "api00", "api99"), M("proportion", "yr.rnd"))

m_stype <- margin("stype", pop_stype)
m_schwide <- margin("sch.wide", pop_schwide)
m_awards <- margin("awards", pop_awards)
c_stype_schwide <- cells(c("stype", "sch.wide"), pop_cells)
t_api99 <- total("api99", pop_api99)
rake_ss <- W("rake", margins = list(m_stype, m_schwide))

# 1. post-stratification
add("clus1 poststratify stype", "clus1", W("poststratify", margins = list(m_stype)), measures)
add("clus1 poststratify stype by stype", "clus1", W("poststratify", margins = list(m_stype)), measures, by = "stype")
add("strat poststratify stype", "strat", W("poststratify", margins = list(m_stype)), measures)
add("clus2 poststratify stype", "clus2", W("poststratify", margins = list(m_stype)), measures)
add("clus1 poststratify cells stype x sch.wide", "clus1", W("poststratify", cells = list(c_stype_schwide)), measures)
add("strat poststratify sch.wide proportions wald", "strat", W("poststratify", margins = list(m_schwide)),
    list(M("proportion", "awards"), M("proportion", "stype")), method = "wald")

# 2. raking
add("clus1 rake stype+sch.wide", "clus1", rake_ss, measures)
add("clus1 rake stype+sch.wide by stype", "clus1", rake_ss, measures, by = "stype")
add("clus1 rake stype+sch.wide filtered", "clus1", rake_ss, measures,
    filter = "api99 >= 600", rfilter = "api99 >= 600")
add("clus1 rake stype+sch.wide proportions likelihood", "clus1", rake_ss,
    list(M("proportion", "awards"), M("proportion", "yr.rnd")), method = "likelihood")
add("clus1 rake stype+sch.wide crosstab stype x awards", "clus1", rake_ss,
    crosstab = list(rows = "stype", columns = "awards", percent = "row", test = "f"))
add("strat rake stype+sch.wide", "strat", rake_ss, measures)
add("clus2 rake stype+sch.wide", "clus2", rake_ss, measures)
add("clus2uc rake stype+sch.wide", "clus2uc", rake_ss, measures)
add("clus1 rake stype+sch.wide+awards", "clus1", W("rake", margins = list(m_stype, m_schwide, m_awards)), measures_yr)
add("clus1 rake awards+cells stype x sch.wide", "clus1", W("rake", margins = list(m_awards), cells = list(c_stype_schwide)), measures_yr)
add("clus2 rake stype+sch.wide+awards", "clus2", W("rake", margins = list(m_stype, m_schwide, m_awards)), measures_yr)

# 3. calibration
add("clus1 linear stype", "clus1", W("linear", margins = list(m_stype)), measures)
add("clus1 linear stype+api99", "clus1", W("linear", margins = list(m_stype), totals = list(t_api99)), measures)
add("clus1 linear stype+api99 by stype", "clus1", W("linear", margins = list(m_stype), totals = list(t_api99)), measures, by = "stype")
add("strat linear stype+api99", "strat", W("linear", margins = list(m_stype), totals = list(t_api99)), measures)
add("clus2 linear stype+api99", "clus2", W("linear", margins = list(m_stype), totals = list(t_api99)), measures)
add("clus1 linear sch.wide+api99 population", "clus1", W("linear", margins = list(m_schwide), totals = list(t_api99), population = N_pop), measures)
add("clus1 linear stype+api99 bounds", "clus1", W("linear", margins = list(m_stype), totals = list(t_api99), bounds = c(0.6, 1.7)), measures)
add("clus1 raking stype+sch.wide", "clus1", W("raking", margins = list(m_stype, m_schwide)), measures)
add("clus2 raking stype+sch.wide+api99", "clus2", W("raking", margins = list(m_stype, m_schwide), totals = list(t_api99)), measures)
add("strat raking stype+api99 bounds", "strat", W("raking", margins = list(m_stype), totals = list(t_api99), bounds = c(0.975, 1.035)), measures)
add("clus1 logit stype+api99 bounds", "clus1", W("logit", margins = list(m_stype), totals = list(t_api99), bounds = c(0.5, 2.5)), measures)
add("clus2 logit stype+sch.wide bounds", "clus2", W("logit", margins = list(m_stype, m_schwide), bounds = c(0.6, 1.9)), measures)
# calibrate() ignores trim= when calfun is linear and there are no bounds (it takes the
# regcalibrate() shortcut), so the linear trim case has bounds wide enough never to bind.
add("clus1 linear stype+api99 wide bounds trim", "clus1",
    W("linear", margins = list(m_stype), totals = list(t_api99), bounds = c(0.3, 3), trim = c(0.6, 1.5)), measures)
add("clus2 raking stype+sch.wide trim", "clus2", W("raking", margins = list(m_stype, m_schwide), trim = c(0.8, 1.5)), measures)
add("strat linear stype+api99 crosstab stype x awards", "strat", W("linear", margins = list(m_stype), totals = list(t_api99)),
    crosstab = list(rows = "stype", columns = "awards", percent = "row", test = "f"))

# 4. weight trimming
add("strat trimWeights upper 32", "strat", W("none", trimWeights = TW(upper = 32)), measures)
add("strat trimWeights upper 32 strict", "strat", W("none", trimWeights = TW(upper = 32, strict = TRUE)), measures)
add("strat trimWeights 18-40", "strat", W("none", trimWeights = TW(lower = 18, upper = 40)), measures)
add("clus2 trimWeights upper 150", "clus2", W("none", trimWeights = TW(upper = 150)), measures)
add("clus1 rake stype+sch.wide trimWeights 30-40", "clus1",
    W("rake", margins = list(m_stype, m_schwide), trimWeights = TW(lower = 30, upper = 40)), measures)
add("clus1 rake stype+sch.wide trimWeights 30-40 strict", "clus1",
    W("rake", margins = list(m_stype, m_schwide), trimWeights = TW(lower = 30, upper = 40, strict = TRUE)), measures)

# 5. targets given as shares
share_stype <- margin("stype", c(E = 0.7137, H = 0.1219, M = 0.1644))
share_schwide <- margin("sch.wide", c(No = 0.1731, Yes = 0.8269))
add("clus1 poststratify stype shares with population", "clus1", W("poststratify", margins = list(share_stype), population = N_pop), measures)
add("clus1 linear stype+sch.wide shares with population", "clus1", W("linear", margins = list(share_stype, share_schwide), population = N_pop), measures)
add("clus2 rake stype+sch.wide shares without population", "clus2", W("rake", margins = list(share_stype, share_schwide)), measures)

# 6. errors
add("clus1 calibrate infeasible bounds", "clus1",
    W("linear", margins = list(m_stype), totals = list(t_api99), bounds = c(0.99, 1.01)), measures, error = "did not converge")
add("clus1 poststratify population lacks a sample level", "clus1",
    W("poststratify", margins = list(margin("stype", c(E = 4421, H = 755)))), measures, error = "has no target")
add("clus1 poststratify target without respondents", "clus1",
    W("poststratify", margins = list(margin("stype", c(pop_stype, X = 100)))), measures, error = "no respondents")
add("clus1 rake target without respondents", "clus1",
    W("rake", margins = list(margin("stype", c(pop_stype, X = 100)), margin("sch.wide", c(No = 1100, Yes = 5194)))),
    measures, error = "no respondents")

# ---- cross-checks ----------------------------------------------------------------------------
same <- function(a, b) isTRUE(all.equal(weights(final_designs[[a]]), weights(final_designs[[b]]), tolerance = 0))
stopifnot(!same("strat trimWeights upper 32", "strat trimWeights upper 32 strict"),
          !same("clus1 rake stype+sch.wide trimWeights 30-40", "clus1 rake stype+sch.wide trimWeights 30-40 strict"))
# Unbounded linear calibration on one margin is post-stratification on it.
stopifnot(isTRUE(all.equal(weights(final_designs[["clus1 linear stype"]]), weights(final_designs[["clus1 poststratify stype"]]))))
doc <- svymean(~api00, final_designs[["clus1 rake stype+sch.wide"]])
cat(sprintf("clus1 rake stype+sch.wide: svymean(~api00) = %.6f, SE %.6f (R documentation: 641.23, 23.704)\n", coef(doc), SE(doc)))
stopifnot(abs(coef(doc) - 641.23) < 0.005, abs(SE(doc) - 23.704) < 0.0005)

golden <- list(generator = paste0("R ", getRversion(), ", survey ", packageVersion("survey")), cases = cases)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           file.path(fixtures, "weighting-goldens.json"))
cat("wrote", length(cases), "cases to", file.path(fixtures, "weighting-goldens.json"), "\n")
