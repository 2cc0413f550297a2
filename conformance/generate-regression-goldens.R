#!/usr/bin/env Rscript
# Golden values for design-based regression (`barometer regress`, request `regression`),
# computed with R's survey package (svyglm).
#
# Run from the repository root:  Rscript conformance/generate-regression-goldens.R
# (apt-get install r-cran-survey r-cran-jsonlite). Reads the api fixtures that
# generate-goldens.R wrote; writes Tests/ConformanceTests/Fixtures/regression-goldens.json and
# the replicate-weight fixture apiclus1-jk1.csv. The Swift tests read only those files.
#
# What a Barometer regression is, in R: m <- svyglm(formula, design, family = quasibinomial()
# (or gaussian(), quasipoisson())); per coefficient coef(m), SE(m), the t value and p-value of
# summary(m) (t on m$df.residual = degf(design) + 1 - p), confint(m) (Wald on the same df);
# per term of more than one column regTermTest(m, ~term, method = "Wald") (F, df, ddf, p).
# A filter is svyglm(design = subset(design, ...)). A categorical outcome of a binomial model
# is 1 for the event level (the last level, or the one named) and 0 for the others.
# A replicate design is svrepdesign() on the replicate columns written to apiclus1-jk1.csv
# (the JK1 replicates of the one-stage cluster sample, as.svrepdesign(dclus1, "JK1")).
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
out <- "Tests/ConformanceTests/Fixtures"
read <- function(name) read.csv(file.path(out, paste0(name, ".csv")), stringsAsFactors = TRUE)
apistrat <- read("apistrat"); apiclus1 <- read("apiclus1"); apiclus2 <- read("apiclus2"); apisrs <- read("apisrs")

# Replicate weights of the cluster sample, written as columns so that Barometer reads the same.
dclus1 <- svydesign(ids = ~dnum, weights = ~pw, data = apiclus1)
rep1 <- as.svrepdesign(dclus1, type = "JK1", compress = FALSE)
jk <- apiclus1
repw <- weights(rep1, "analysis")
for (r in seq_len(ncol(repw))) jk[[sprintf("rw%02d", r)]] <- repw[, r]
write.csv(jk, file.path(out, "apiclus1-jk1.csv"), row.names = FALSE, na = "")
apiclus1jk <- read("apiclus1-jk1")
repColumns <- sprintf("rw%02d", seq_len(ncol(repw)))

designs <- list(
  strat = list(data = "apistrat.csv", design = svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat),
               request = list(weights = "pw", strata = "stype", clusters = list(), fpc = list("fpc"), nest = FALSE, lonelyPSU = "fail")),
  clus1 = list(data = "apiclus1.csv", design = svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1),
               request = list(weights = "pw", clusters = list("dnum"), fpc = list("fpc"), nest = FALSE, lonelyPSU = "fail")),
  clus2 = list(data = "apiclus2.csv", design = svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2),
               request = list(clusters = list("dnum", "snum"), fpc = list("fpc1", "fpc2"), nest = FALSE, lonelyPSU = "fail")),
  srs = list(data = "apisrs.csv", design = svydesign(ids = ~1, weights = ~pw, data = apisrs),
             request = list(weights = "pw", clusters = list(), fpc = list(), nest = FALSE, lonelyPSU = "fail")),
  clus1ps = list(data = "apiclus1.csv",
                 design = postStratify(svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1), ~stype,
                                       data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))),
                 request = list(weights = "pw", clusters = list("dnum"), fpc = list("fpc"), nest = FALSE, lonelyPSU = "fail"),
                 weighting = list(method = "poststratify", targets = list(margins = list(list(variable = "stype",
                                  targets = list(E = 4421, H = 755, M = 1018)))))),
  clus1jk = list(data = "apiclus1-jk1.csv",
                 design = svrepdesign(data = apiclus1jk, repweights = apiclus1jk[, repColumns], weights = ~pw, type = "JK1",
                                      scale = rep1$scale, rscales = rep1$rscales, combined.weights = TRUE, mse = rep1$mse),
                 request = list(weights = "pw", clusters = list(), fpc = list(), nest = FALSE, lonelyPSU = "fail"),
                 replicates = list(type = "jk1", columns = repColumns, scale = rep1$scale, rscales = rep1$rscales, mse = rep1$mse))
)

num <- function(x) { x <- as.numeric(x)[1]; if (length(x) == 0 || !is.finite(x)) NULL else x }

cases <- list()
add <- function(name, which, model, family = "gaussian", filter = NULL, rfilter = NULL, event = NULL, recode = NULL) {
  spec <- designs[[which]]
  design <- spec$design
  if (!is.null(recode)) design <- update(design, .event = as.numeric(eval(parse(text = recode), design$variables)))
  if (!is.null(rfilter)) design <- eval(parse(text = sprintf("subset(design, %s)", rfilter)))
  rformula <- as.formula(if (is.null(recode)) model else sub("^[^~]+~", ".event ~", model))
  fam <- switch(family, gaussian = gaussian(), binomial = quasibinomial(), poisson = quasipoisson())
  m <- eval(bquote(svyglm(.(rformula), design = design, family = .(fam))))
  s <- summary(m)$coefficients
  ci <- confint(m)
  rows <- lapply(rownames(s), function(k) list(
    name = k, estimate = num(s[k, 1]), standardError = num(s[k, 2]), tValue = num(s[k, 3]), pValue = num(s[k, 4]),
    ciLower = num(ci[k, 1]), ciUpper = num(ci[k, 2]), df = m$df.residual))
  labels <- attr(terms(m), "term.labels")
  assign <- attr(model.matrix(m), "assign")
  tests <- list()
  for (t in seq_along(labels)) {
    if (sum(assign == t) < 2) next
    rt <- regTermTest(m, as.formula(paste("~", labels[t])), method = "Wald")
    tests[[length(tests) + 1]] <- list(term = labels[t], statistic = num(rt$Ftest), df = rt$df, ddf = rt$ddf, pValue = num(rt$p))
  }
  regression <- list(model = model, family = family)
  if (!is.null(event)) regression$event <- event
  request <- list(design = spec$request, measures = list(), by = list(),
                  options = list(confidenceLevel = 0.95), regression = regression)
  if (!is.null(filter)) request$filter <- filter
  case <- list(name = name, data = spec$data, request = request, rows = rows, tests = tests)
  if (!is.null(spec$weighting)) case$weighting <- spec$weighting
  if (!is.null(spec$replicates)) case$replicates <- spec$replicates
  cases[[length(cases) + 1]] <<- case
}

add("strat gaussian api00 ~ ell + meals + stype", "strat", "api00 ~ ell + meals + stype")
add("clus1 gaussian api00 ~ ell + meals + stype", "clus1", "api00 ~ ell + meals + stype")
add("clus2 gaussian api00 ~ ell + meals", "clus2", "api00 ~ ell + meals")
add("srs gaussian api00 ~ growth + stype", "srs", "api00 ~ growth + stype")
add("strat interaction api00 ~ ell * stype", "strat", "api00 ~ ell * stype")
add("strat interaction of factors api00 ~ stype * sch.wide", "strat", "api00 ~ stype * sch.wide + meals")
add("strat no intercept api00 ~ stype + ell - 1", "strat", "api00 ~ stype + ell - 1")
add("clus1 domain api00 ~ ell + meals in E", "clus1", "api00 ~ ell + meals", filter = "stype == 'E'", rfilter = "stype == 'E'")
add("strat domain api00 ~ ell + stype where api99 >= 600", "strat", "api00 ~ ell + stype", filter = "api99 >= 600", rfilter = "api99 >= 600")
add("strat binomial sch.wide ~ ell + stype", "strat", "sch.wide ~ ell + stype", family = "binomial", recode = "sch.wide == 'Yes'")
add("clus1 binomial sch.wide ~ ell + meals", "clus1", "sch.wide ~ ell + meals", family = "binomial", recode = "sch.wide == 'Yes'")
add("clus1 binomial event No", "clus1", "sch.wide ~ ell + stype", family = "binomial", event = "No", recode = "sch.wide == 'No'")
add("strat binomial awards ~ meals * stype", "strat", "awards ~ meals + stype + meals:stype", family = "binomial", recode = "awards == 'Yes'")
add("strat poisson enroll ~ meals + stype", "strat", "enroll ~ meals + stype", family = "poisson")
add("clus1 poisson acs.k3 ~ ell in domain", "clus1", "acs.k3 ~ ell + meals", family = "poisson", filter = "stype != 'H'", rfilter = "stype != 'H'")
add("clus1 post-stratified api00 ~ ell + meals", "clus1ps", "api00 ~ ell + meals")
add("clus1 post-stratified binomial sch.wide ~ ell + stype", "clus1ps", "sch.wide ~ ell + stype", family = "binomial", recode = "sch.wide == 'Yes'")
add("clus1 JK1 replicates api00 ~ ell + meals + stype", "clus1jk", "api00 ~ ell + meals + stype")
add("clus1 JK1 replicates binomial sch.wide ~ ell + meals", "clus1jk", "sch.wide ~ ell + meals", family = "binomial", recode = "sch.wide == 'Yes'")
add("clus1 JK1 replicates domain api00 ~ ell in E", "clus1jk", "api00 ~ ell", filter = "stype == 'E'", rfilter = "stype == 'E'")

golden <- list(generator = sprintf("R %s, survey %s", getRversion(), packageVersion("survey")), cases = cases)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(out, "regression-goldens.json"))
cat("wrote", length(cases), "regression cases\n")
