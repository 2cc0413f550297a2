#!/usr/bin/env Rscript
# Golden values for replicate weights made from a design (`--replicates jk1|jkn|brr|fay|bootstrap`,
# SurveyCore's ReplicateConversion), computed with R's survey package: as.svrepdesign().
#
# Run from the repository root:  Rscript conformance/generate-replicate-conversion-goldens.R
# (apt-get install r-cran-survey r-cran-jsonlite). Reads the apistrat, apiclus1, apiclus2, apisrs,
# nhanes_like and lonely fixtures that generate-goldens.R wrote; writes two more fixtures, scd.csv
# (R's data(scd), the classic BRR example: 3 strata of 2 ambulance stations) and brrpairs.csv
# (apistrat in 7, 10, 25, 50 and 100 strata of two PSUs, so that every construction of R's
# hadamard() is used: a doubled stored matrix, Paley, a stored matrix, a doubled stored matrix of
# 28, Paley of a prime p ≡ 3 mod 4), and Tests/ConformanceTests/Fixtures/replicate-conversion-goldens.json.
# The Swift tests read only these files; they never run R.
#
# For each conversion: R's weights(as.svrepdesign(design, type), "analysis") in compact form —
# `factors` per PSU and replicate (PSUs in R's order, first appearance in the data) times the
# sampling weight `pweights[i]` of respondent i in PSU `index[i]`. The script checks that this
# form reproduces R's analysis matrix. Factors are written as `codes` (one string per PSU, one
# character per replicate) into the distinct `values`, which keeps 200 × 200 matrices small.
# Also scale, rscales, degf(), and svymean of a variable with its SE on the converted design (and
# on the original design, linearized, which a bootstrap's SE is compared with).
#
# Bootstrap weights depend on the random number generator, so only the design, the linearized
# SE and R's own bootstrap SE (set.seed(1999), for information) are written; Barometer's
# bootstrap is checked by its properties and its variance.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
out <- "Tests/ConformanceTests/Fixtures"
read <- function(name) read.csv(file.path(out, paste0(name, ".csv")), stringsAsFactors = TRUE)

# ---- two more fixtures -----------------------------------------------------------------------
data(scd)
scd$fpc <- 5
write.csv(scd, file.path(out, "scd.csv"), row.names = FALSE)
apistrat0 <- read("apistrat")
pairs <- apistrat0[order(apistrat0$cds), c("cds", "stype", "api00", "pw")]
row.names(pairs) <- NULL
n <- nrow(pairs)
for (k in c(7, 10, 25, 50, 100)) {
  # Strata of consecutive rows (7 strata: uneven sizes), two PSUs in each, alternating rows;
  # strata are named so that neither their first appearance nor their numbers give R's (sorted
  # character) order: stratum j of the rows is named "S<k+1-j>", so S10 comes first and sorts
  # between S1 and S2.
  stratum <- ceiling(seq_len(n) * k / n)
  pairs[[paste0("stratum", k)]] <- paste0("S", k + 1 - stratum)
  pairs[[paste0("psu", k)]] <- paste0(pairs[[paste0("stratum", k)]], "-", (seq_len(n) %% 2) + 1)
}
write.csv(pairs, file.path(out, "brrpairs.csv"), row.names = FALSE)

datasets <- list(apistrat = read("apistrat"), apiclus1 = read("apiclus1"), apiclus2 = read("apiclus2"),
                 apisrs = read("apisrs"), nhanes_like = read("nhanes_like"), lonely = read("lonely"),
                 scd = read("scd"), brrpairs = read("brrpairs"))

design_of <- function(spec) {
  df <- datasets[[spec$data]]
  ids <- if (length(spec$clusters)) as.formula(paste("~", paste(spec$clusters, collapse = "+"))) else ~1
  args <- list(ids = ids, data = df, nest = isTRUE(spec$nest))
  if (!is.null(spec$weights)) args$weights <- as.formula(paste("~", spec$weights))
  if (!is.null(spec$strata)) args$strata <- as.formula(paste("~", spec$strata))
  if (length(spec$fpc)) args$fpc <- as.formula(paste("~", paste(spec$fpc, collapse = "+")))
  if (is.null(spec$weights) && !length(spec$fpc)) args$probs <- ~1
  suppressWarnings(do.call(svydesign, args))
}
spec_json <- function(spec, lonely) {
  s <- list(clusters = as.list(spec$clusters), fpc = as.list(spec$fpc), nest = isTRUE(spec$nest), lonelyPSU = lonely)
  if (!is.null(spec$weights)) s$weights <- spec$weights
  if (!is.null(spec$strata)) s$strata <- spec$strata
  s
}
num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

designs <- list(
  strat = list(data = "apistrat", weights = "pw", strata = "stype"),
  stratfpc = list(data = "apistrat", weights = "pw", strata = "stype", fpc = "fpc"),
  clus1 = list(data = "apiclus1", weights = "pw", clusters = "dnum", fpc = "fpc"),
  clus1nofpc = list(data = "apiclus1", weights = "pw", clusters = "dnum"),
  clus2 = list(data = "apiclus2", clusters = c("dnum", "snum"), fpc = c("fpc1", "fpc2")),
  srs = list(data = "apisrs", weights = "pw", fpc = "fpc"),
  nhanes = list(data = "nhanes_like", weights = "pw", strata = "stype", clusters = "psu", nest = TRUE),
  lonely = list(data = "lonely", weights = "pw", strata = "stype", clusters = "psu", nest = TRUE),
  scd = list(data = "scd", strata = "ESA", clusters = "ambulance", nest = TRUE),
  scdfpc = list(data = "scd", strata = "ESA", clusters = "ambulance", fpc = "fpc", nest = TRUE),
  pairs7 = list(data = "brrpairs", weights = "pw", strata = "stratum7", clusters = "psu7"),
  pairs10 = list(data = "brrpairs", weights = "pw", strata = "stratum10", clusters = "psu10"),
  pairs25 = list(data = "brrpairs", weights = "pw", strata = "stratum25", clusters = "psu25"),
  pairs50 = list(data = "brrpairs", weights = "pw", strata = "stratum50", clusters = "psu50"),
  pairs100 = list(data = "brrpairs", weights = "pw", strata = "stratum100", clusters = "psu100")
)

# Compact codes of a matrix of few distinct values.
encode <- function(m) {
  values <- sort(unique(as.vector(m)))
  stopifnot(length(values) <= 10)
  codes <- apply(matrix(match(m, values) - 1, nrow = nrow(m)), 1, paste, collapse = "")
  list(values = values, codes = codes)
}

conversion <- function(name, which, type, variable, fay.rho = NULL, lonely = "fail", mse = FALSE) {
  spec <- designs[[which]]
  design <- design_of(spec)
  options(survey.lonely.psu = lonely)
  on.exit(options(survey.lonely.psu = "fail"))
  args <- list(design = design, type = if (type == "fay") "Fay" else if (type == "jk1") "JK1" else if (type == "jkn") "JKn" else "BRR",
               mse = mse, compress = TRUE)
  if (!is.null(fay.rho)) args$fay.rho <- fay.rho
  rep <- suppressWarnings(do.call(as.svrepdesign, args))
  rw <- rep$repweights
  stopifnot(inherits(rw, "repweights_compressed"))
  factors <- as.matrix(rw$weights)
  analysis <- weights(rep, "analysis")
  stopifnot(isTRUE(all.equal(unname(analysis), unname(factors[rw$index, , drop = FALSE] * rep$pweights), tolerance = 1e-14)))
  # R's PSU order: first appearance of the first-stage cluster in the data.
  stopifnot(identical(rw$index, match(design$cluster[, 1], unique(design$cluster[, 1]))))
  f <- as.formula(paste("~", variable))
  m <- svymean(f, rep, na.rm = TRUE)
  lin <- svymean(f, design, na.rm = TRUE)
  list(name = name, data = paste0(spec$data, ".csv"), design = spec_json(spec, lonely),
       conversion = c(list(type = type, mse = mse), if (!is.null(fay.rho)) list(fayRho = fay.rho)),
       rType = rep$type, replicates = ncol(factors), psus = nrow(factors),
       index = rw$index, pweights = as.numeric(rep$pweights),
       factors = encode(factors), scale = rep$scale, rscales = as.numeric(rep$rscales), degf = degf(rep),
       variable = variable, mean = num(coef(m)), standardError = num(SE(m)),
       linearizedStandardError = num(SE(lin)))
}

bootstrap <- function(name, which, variable, replicates) {
  spec <- designs[[which]]
  design <- design_of(spec)
  set.seed(1999)
  rep <- suppressWarnings(as.svrepdesign(design, type = "bootstrap", replicates = replicates))
  f <- as.formula(paste("~", variable))
  m <- svymean(f, rep, na.rm = TRUE)
  lin <- svymean(f, design, na.rm = TRUE)
  psus <- table(as.character(design$strata[!duplicated(design$cluster[, 1]), 1]))
  list(name = name, data = paste0(spec$data, ".csv"), design = spec_json(spec, "fail"),
       conversion = list(type = "bootstrap", count = replicates, mse = FALSE),
       replicates = replicates, scale = rep$scale, harmonicMeanPSUs = 1 / mean(1 / psus),
       variable = variable, mean = num(coef(lin)), linearizedStandardError = num(SE(lin)),
       rBootstrapStandardError = num(SE(m)))
}

cases <- list(
  conversion("strat-jkn", "strat", "jkn", "api00"),
  conversion("strat-jkn-mse", "strat", "jkn", "api00", mse = TRUE),
  conversion("stratfpc-jkn", "stratfpc", "jkn", "api00"),
  conversion("clus1-jk1", "clus1", "jk1", "api00"),
  conversion("clus1nofpc-jk1", "clus1nofpc", "jk1", "enroll"),
  conversion("clus2-jk1-first-stage", "clus2", "jk1", "api00"),
  conversion("srs-jk1", "srs", "jk1", "api00"),
  conversion("nhanes-jkn", "nhanes", "jkn", "api00"),
  conversion("lonely-jkn-remove", "lonely", "jkn", "api00", lonely = "remove"),
  conversion("lonely-jkn-certainty", "lonely", "jkn", "api00", lonely = "certainty"),
  conversion("lonely-jkn-adjust", "lonely", "jkn", "api00", lonely = "adjust"),
  conversion("lonely-jkn-average", "lonely", "jkn", "api00", lonely = "average"),
  conversion("scd-brr", "scd", "brr", "arrests"),
  conversion("scd-fay", "scd", "fay", "alive", fay.rho = 0.3),
  conversion("scdfpc-brr-fpc-dropped", "scdfpc", "brr", "arrests"),
  conversion("scdfpc-jkn", "scdfpc", "jkn", "arrests"),
  conversion("pairs7-brr", "pairs7", "brr", "api00"),
  conversion("pairs10-brr", "pairs10", "brr", "api00"),
  conversion("pairs10-fay", "pairs10", "fay", "api00", fay.rho = 0.5),
  conversion("pairs25-brr", "pairs25", "brr", "api00"),
  conversion("pairs50-brr", "pairs50", "brr", "api00"),
  conversion("pairs100-fay", "pairs100", "fay", "api00", fay.rho = 0.25)
)
boots <- list(
  bootstrap("strat-bootstrap", "strat", "api00", 500),
  bootstrap("stratfpc-bootstrap", "stratfpc", "api00", 500),
  bootstrap("clus1-bootstrap", "clus1nofpc", "api00", 500)
)

# R's hadamard(n): the matrix BRR uses for n strata (rows 2..n+1 give the strata's half samples).
fingerprint <- function(H) sum(H * outer(seq_len(nrow(H)), seq_len(ncol(H)), function(i, j) (131 * i + 71 * j) %% 997))
full <- c(1:40, 50, 63, 64, 100)
hadamards <- lapply(1:400, function(n) {
  H <- survey:::hadamard(n)
  stopifnot(nrow(H) == ncol(H), nrow(H) > n)
  h <- list(strata = n, order = nrow(H), fingerprint = fingerprint(H))
  if (n %in% full) h$rows <- apply(H, 1, paste, collapse = "")
  h
})

golden <- list(generator = sprintf("R %s, survey %s", getRversion(), packageVersion("survey")),
               conversions = cases, bootstraps = boots, hadamard = hadamards)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null"),
           file.path(out, "replicate-conversion-goldens.json"))
