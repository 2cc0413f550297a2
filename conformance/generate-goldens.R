#!/usr/bin/env Rscript
# Golden values for Barometer's conformance tests, computed with R's survey package.
#
# Run from the repository root:  Rscript conformance/generate-goldens.R
# (R and the survey package: apt-get install r-cran-survey r-cran-jsonlite)
#
# Writes Tests/ConformanceTests/Fixtures/{apistrat,apiclus1,apiclus2,apisrs,nhanes_like,lonely}.csv
# and goldens.json. The Swift tests read only these files; they never run R.
#
# Conventions matched (see DESIGN.md §4):
# - a domain (breakdown level and/or filter) is estimated on subset(design, domain & !is.na(y)),
#   which R keeps as a domain of the full design (PSU counts of the full design);
# - confidence intervals use t with degf() of that subset design, as svyciprop does;
# - wald = svyciprop(method = "mean") for proportions, estimate ± t·SE otherwise;
# - wilson follows svyciprop(method = "wilson"), which first appeared in survey 4.5 (formula
#   below), since the Debian survey package (4.1.x) predates it;
# - the Rao–Scott "chisq" statistic is R's: the uncorrected Pearson X² that svychisq prints;
#   the first-order corrected X² (X² / mean eigenvalue), which R uses for its p-value, is
#   `correctedStatistic`.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
data(api)
`%||%` <- function(a, b) if (is.null(a)) b else a
out <- "Tests/ConformanceTests/Fixtures"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# ---- data ----------------------------------------------------------------------------------
apistrat$mealcat <- as.integer(cut(apistrat$meals, c(-1, 33, 66, 100)))
apiclus1$mealcat <- as.integer(cut(apiclus1$meals, c(-1, 33, 66, 100)))
# NHANES-style: 3 strata, 5 PSUs each, PSU numbers 1..5 repeated in every stratum (needs nest).
nhanes_like <- apistrat
nhanes_like$psu <- (nhanes_like$snum %% 5) + 1
# A design with a lonely PSU: stratum H keeps a single PSU.
lonely <- nhanes_like[!(nhanes_like$stype == "H" & nhanes_like$psu != 1), ]
datasets <- list(apistrat = apistrat, apiclus1 = apiclus1, apiclus2 = apiclus2, apisrs = apisrs,
                 nhanes_like = nhanes_like, lonely = lonely)
keep <- c("cds", "stype", "snum", "dnum", "cnum", "pcttest", "api00", "api99", "target", "growth",
          "sch.wide", "comp.imp", "both", "awards", "meals", "ell", "yr.rnd", "mobility", "acs.k3",
          "acs.46", "enroll", "api.stu", "pw", "fpc", "fpc1", "fpc2", "mealcat", "psu")
for (nm in names(datasets)) {
  df <- datasets[[nm]]
  df <- df[, intersect(keep, names(df))]
  write.csv(df, file.path(out, paste0(nm, ".csv")), row.names = FALSE, na = "")
  datasets[[nm]] <- read.csv(file.path(out, paste0(nm, ".csv")), stringsAsFactors = TRUE)
}

design_of <- function(spec) {
  df <- datasets[[spec$data]]
  ids <- if (length(spec$clusters)) as.formula(paste("~", paste(spec$clusters, collapse = "+"))) else ~1
  args <- list(ids = ids, data = df, nest = isTRUE(spec$nest))
  if (!is.null(spec$weights)) args$weights <- as.formula(paste("~", spec$weights))
  if (!is.null(spec$strata)) args$strata <- as.formula(paste("~", spec$strata))
  if (length(spec$fpc)) args$fpc <- as.formula(paste("~", paste(spec$fpc, collapse = "+")))
  suppressWarnings(do.call(svydesign, args))
}

bt <- function(x) paste0("`", x, "`")
levels_of <- function(x) if (is.factor(x)) levels(droplevels(x)) else as.character(sort(unique(x[!is.na(x)])))
eq_expr <- function(var, value, col) if (is.factor(col)) sprintf("%s == '%s'", bt(var), value) else sprintf("%s == %s", bt(var), value)
num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

# Every domain of `by` inside `filter`: list of (domain entries, logical row mask).
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

golden_rows <- function(spec, measures, by = character(0), rfilter = NULL, method = NULL, level = 0.95) {
  method <- method %||% "logit"  # Barometer's default for proportions, as svyciprop
  d <- design_of(spec)
  df <- datasets[[spec$data]]
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
          e1 <- svyratio(as.formula(paste("~", bt(m$variable))), as.formula(paste("~", bt(m$denominator))), sub, deff = TRUE)
          e2 <- svyratio(as.formula(paste("~", bt(m$variable))), as.formula(paste("~", bt(m$denominator))), sub, deff = "replace")
          est <- coef(e1); se <- sqrt(e1$var[1, 1])
        } else {
          fn <- if (m$statistic == "mean") svymean else svytotal
          e1 <- fn(as.formula(paste("~", bt(m$variable))), sub, deff = TRUE)
          e2 <- fn(as.formula(paste("~", bt(m$variable))), sub, deff = "replace")
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
          e1 <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub, deff = TRUE)
          e2 <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub, deff = "replace")
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

crosstab_golden <- function(spec, rowvar, colvar, rfilter = NULL, percent = "row", method = "logit", level = 0.95) {
  df <- datasets[[spec$data]]
  valid <- if (is.null(rfilter)) "TRUE" else paste0("(", rfilter, ")")
  rows <- list()
  if (percent == "row") {
    rows <- golden_rows(spec, list(list(statistic = "proportion", variable = colvar)), by = rowvar, rfilter = rfilter, method = method, level = level)
    rows <- lapply(rows, function(r) { r$cell <- list(row = r$domain[[rowvar]], column = r$level); r })
  } else if (percent == "column") {
    rows <- golden_rows(spec, list(list(statistic = "proportion", variable = rowvar)), by = colvar, rfilter = rfilter, method = method, level = level)
    rows <- lapply(rows, function(r) { r$cell <- list(row = r$level, column = r$domain[[colvar]]); r })
  } else {
    d <- design_of(spec)
    ok <- with(df, eval(parse(text = valid))) & !is.na(df[[rowvar]]) & !is.na(df[[colvar]])
    sub <- subset(d, ok)
    for (b in levels_of(df[[colvar]][ok])) for (a in levels_of(df[[rowvar]][ok])) {
      expr <- paste(eq_expr(rowvar, a, df[[rowvar]]), "&", eq_expr(colvar, b, df[[colvar]]))
      e1 <- svymean(as.formula(paste("~as.numeric(", expr, ")")), sub, deff = TRUE)
      ci <- ci_prop(paste0("(", expr, ")"), sub, method, level)
      rows[[length(rows) + 1]] <- list(cell = list(row = a, column = b), estimate = num(coef(e1)),
                                       standardError = num(SE(e1)), ciLower = num(ci[1]), ciUpper = num(ci[2]),
                                       df = degf(sub))
    }
  }
  rows
}

chisq_golden <- function(spec, rowvar, colvar, rfilter = NULL) {
  df <- datasets[[spec$data]]
  d <- design_of(spec)
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
    chisq = list(name = "rao-scott-chisq", statistic = unname(ch$statistic), correctedStatistic = unname(f$statistic) * k,
                 df = I(unname(ch$parameter)), pValue = unname(ch$p.value)),
    wald = list(name = "wald", statistic = unname(w$statistic)[1], df = unname(w$parameter), pValue = unname(w$p.value)[1]),
    adjwald = list(name = "adjusted-wald", statistic = unname(aw$statistic)[1], df = unname(aw$parameter), pValue = unname(aw$p.value)[1])
  )
}

# ---- designs -------------------------------------------------------------------------------
designs <- list(
  strat = list(data = "apistrat", weights = "pw", strata = "stype", clusters = character(0), fpc = "fpc"),
  clus1 = list(data = "apiclus1", weights = "pw", clusters = "dnum", fpc = "fpc"),
  clus2 = list(data = "apiclus2", clusters = c("dnum", "snum"), fpc = c("fpc1", "fpc2")),
  clus2uc = list(data = "apiclus2", weights = "pw", clusters = c("dnum", "snum"), fpc = character(0)),
  srs = list(data = "apisrs", weights = "pw", clusters = character(0), fpc = "fpc"),
  nhanes = list(data = "nhanes_like", weights = "pw", strata = "stype", clusters = "psu", fpc = character(0), nest = TRUE),
  lonely = list(data = "lonely", weights = "pw", strata = "stype", clusters = "psu", fpc = character(0), nest = TRUE)
)

spec_json <- function(spec, lonely = "fail") {
  list(weights = spec$weights, strata = spec$strata, clusters = I(spec$clusters), fpc = I(spec$fpc),
       nest = isTRUE(spec$nest), lonelyPSU = lonely)
}

cases <- list()
add <- function(name, design, measures = list(), by = character(0), filter = NULL, rfilter = NULL,
                method = NULL, level = 0.95, lonely = "fail", crosstab = NULL, error = NULL) {
  old <- options(survey.lonely.psu = lonely); on.exit(options(old))
  spec <- designs[[design]]
  req <- list(design = spec_json(spec, lonely), measures = measures, by = I(by),
              options = list(confidenceLevel = level, designEffects = TRUE))
  if (!is.null(method)) req$options$ciMethod <- method
  if (!is.null(filter)) req$filter <- filter
  case <- list(name = name, data = paste0(spec$data, ".csv"))
  if (!is.null(error)) {
    msg <- tryCatch({ golden_rows(spec, measures, by, rfilter, method, level); "no error" }, error = function(e) conditionMessage(e))
    case$request <- req; case$error <- error; case$rError <- msg
  } else if (!is.null(crosstab)) {
    req$crosstab <- crosstab
    case$request <- req
    case$rows <- crosstab_golden(spec, crosstab$rows, crosstab$columns, rfilter, crosstab$percent, method %||% "logit", level)
    case$tests <- chisq_golden(spec, crosstab$rows, crosstab$columns, rfilter)
  } else {
    case$request <- req
    case$rows <- golden_rows(spec, measures, by, rfilter, method, level)
  }
  cases[[length(cases) + 1]] <<- case
}
M <- function(statistic, variable, denominator = NULL) {
  m <- list(statistic = statistic, variable = variable)
  if (!is.null(denominator)) m$denominator <- denominator
  m
}
numeric_measures <- list(M("mean", "api00"), M("total", "enroll"), M("ratio", "api00", "api99"), M("mean", "acs.k3"))

for (dn in c("strat", "clus1", "clus2", "clus2uc", "srs", "nhanes")) {
  add(paste(dn, "numeric"), dn, numeric_measures)
  add(paste(dn, "numeric by stype"), dn, numeric_measures, by = "stype")
  add(paste(dn, "numeric filtered"), dn, numeric_measures, filter = "api99 >= 600 and stype != \"H\"", rfilter = "api99 >= 600 & stype != 'H'")
  add(paste(dn, "proportions"), dn, list(M("proportion", "sch.wide"), M("proportion", "stype")))
  add(paste(dn, "proportions by two"), dn, list(M("proportion", "awards")), by = c("stype", "sch.wide"))
}
for (method in c("wald", "logit", "xlogit", "wilson", "beta", "likelihood")) {
  for (dn in c("strat", "clus1", "clus2")) {
    add(paste(dn, "ci", method), dn, list(M("proportion", "sch.wide")), method = method)
    add(paste(dn, "ci", method, "by stype"), dn, list(M("proportion", "awards")), by = "stype", method = method)
  }
  add(paste("strat ci", method, "90%"), "strat", list(M("proportion", "yr.rnd")), method = method, level = 0.9)
}
add("strat numeric-coded categories", "strat", list(M("proportion", "mealcat")), by = "stype")
add("clus1 mean 90%", "clus1", list(M("mean", "api00")), by = "stype", level = 0.9)

for (policy in c("remove", "certainty", "adjust", "average")) {
  add(paste("lonely", policy), "lonely", list(M("mean", "api00"), M("proportion", "sch.wide")), lonely = policy)
  add(paste("lonely", policy, "by"), "lonely", list(M("mean", "api00"), M("ratio", "api00", "api99")), by = "sch.wide", lonely = policy)
}
for (policy in c("remove", "certainty", "average")) add(paste("lonely", policy, "total"), "lonely", list(M("total", "enroll")), lonely = policy)
add("lonely fail", "lonely", list(M("mean", "api00")), lonely = "fail", error = "only one PSU")

for (dn in c("strat", "clus1", "clus2", "nhanes")) {
  for (pct in c("row", "column", "cell")) {
    add(paste(dn, "crosstab", pct), dn, crosstab = list(rows = "stype", columns = "sch.wide", percent = pct, test = "f"))
  }
  add(paste(dn, "crosstab filtered"), dn, filter = "api00 > 600", rfilter = "api00 > 600",
      crosstab = list(rows = "stype", columns = "awards", percent = "row", test = "f"))
}
add("clus1 crosstab 3x3", "clus1", crosstab = list(rows = "stype", columns = "mealcat", percent = "cell", test = "f"), method = "wald")

golden <- list(generator = paste0("R ", getRversion(), ", survey ", packageVersion("survey")), cases = cases)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           file.path(out, "goldens.json"))
cat("wrote", length(cases), "cases to", file.path(out, "goldens.json"), "\n")
