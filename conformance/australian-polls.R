#!/usr/bin/env Rscript
# The Australian polls of 2004–2007 (Jackman 2009, Bayesian Analysis for the Social Sciences,
# Example 9.3), as R's pscl package ships them, and reference numbers for Barometer's poll
# average computed here independently of it.
#
# Run from the repository root:  Rscript conformance/australian-polls.R
# (R, pscl and jsonlite: apt-get install r-cran-pscl r-cran-jsonlite)
#
# Writes
#   Tests/PollsTests/Fixtures/australian-election-polling.csv         the 239 polls (ALP share)
#   Tests/PollsTests/Fixtures/australian-election-polling-golden.json the reference numbers
# The Swift tests read only these files; they never run R.
#
# The model is Barometer's (Sources/Polls/PollAverage.swift), anchored to the ALP's first
# preferences at the 2004 and 2007 elections (pscl's AustralianElections):
#   y_i = mu[t_i] + delta[org_i] + e_i,  e_i ~ N(0, y_i (1 - y_i) / n_i + tau2),
#   mu[t] = mu[t - 1] + N(0, sigma^2),   mu fixed on both election days,
# with each poll on its fieldwork midpoint start + floor((end - start) / 2) and its sample
# size rounded to a whole respondent (four Morgan face-to-face polls carry the imputed
# 1450.543). Barometer solves the normal equations in precision form (a tridiagonal system
# bordered by the house effects); this script takes the other road, the covariance form:
# given the anchors, mu is a Brownian bridge, so the polls are y ~ N(m + X delta, V) with
# V = sigma^2 * bridge covariance + diag(R), and delta (flat prior) is generalised least
# squares. The two share nothing but the model, so they agree only if both are right.

suppressPackageStartupMessages({ library(pscl); library(jsonlite) })
data(AustralianElectionPolling)
data(AustralianElections)
out <- "Tests/PollsTests/Fixtures"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# ---- the polls, as shipped ---------------------------------------------------------------
polls <- AustralianElectionPolling
fixture <- data.frame(org = as.character(polls$org), startDate = format(polls$startDate),
                      endDate = format(polls$endDate), sampleSize = polls$sampleSize, ALP = polls$ALP)
write.csv(fixture, file.path(out, "australian-election-polling.csv"), row.names = FALSE)

# ---- the anchors: the ALP's first preferences at the two elections ------------------------
election <- function(day) {
  row <- AustralianElections[AustralianElections$date == as.Date(day), ]
  stopifnot(nrow(row) == 1)
  row$ALP / 100
}
first <- as.Date("2004-10-09")
last <- as.Date("2007-11-24")
a0 <- election(first)
a1 <- election(last)
L <- as.integer(last - first)  # the last day's index; days are 0..L

# ---- the model in covariance form ---------------------------------------------------------
t_poll <- as.integer(polls$startDate - first) + as.integer(polls$endDate - polls$startDate) %/% 2
y <- polls$ALP / 100
n <- round(polls$sampleSize)
v <- y * (1 - y) / n
houses <- sort(unique(as.character(polls$org)))
X <- outer(as.character(polls$org), houses, "==") * 1
days <- 0:L
prior_mean <- function(t) a0 + (a1 - a0) * t / L
# Brownian-bridge covariance between days s and t (per unit sigma^2), pinned at 0 and L.
bridge <- function(s, t) outer(s, t, function(a, b) pmin(a, b) * (L - pmax(a, b)) / L)
B_pp <- bridge(t_poll, t_poll)
B_dp <- bridge(days, t_poll)
B_dd <- days * (L - days) / L  # the diagonal only

fit <- function(sigma, tau2) {
  V <- sigma^2 * B_pp + diag(v + tau2)
  U <- chol(V)
  Vinv <- chol2inv(U)
  XtW <- t(X) %*% Vinv
  info <- XtW %*% X
  delta_cov <- solve(info)
  r0 <- y - prior_mean(t_poll)
  delta <- drop(delta_cov %*% (XtW %*% r0))
  r <- r0 - drop(X %*% delta)
  C <- sigma^2 * B_dp                     # Cov(mu_t, y_i)
  CW <- C %*% Vinv
  mu <- prior_mean(days) + drop(CW %*% r)
  CWX <- CW %*% X
  mu_var <- sigma^2 * B_dd - rowSums(CW * C) + rowSums((CWX %*% delta_cov) * CWX)
  # log p(y | anchors) with delta integrated over a flat prior (Lebesgue measure).
  loglik <- -0.5 * ((length(y) - ncol(X)) * log(2 * pi) + 2 * sum(log(diag(U))) +
                      as.numeric(determinant(info)$modulus) + sum(r * (Vinv %*% r)))
  list(sigma = sigma, tau2 = tau2, logLikelihood = loglik,
       houseEffects = as.list(setNames(delta, houses)),
       houseEffectStandardErrors = as.list(setNames(sqrt(diag(delta_cov)), houses)),
       estimates = mu, standardErrors = sqrt(pmax(mu_var, 0)))
}

# Exact solutions at given sigma and tau2 (sigma 0.25 points a day; with and without tau2).
settings <- list(fit(0.0025, 0), fit(0.002, 1e-4))

# ---- maximum likelihood, by R's own optimisers --------------------------------------------
# Both sigma and tau2 (log scale), and sigma alone with tau2 = 0 (Jackman's model has no
# extra variance). Optimisers agree only to their tolerance: the tests compare loosely.
negll <- function(p) -fit(exp(p[1]), exp(2 * p[2]))$logLikelihood
best <- optim(c(log(0.003), log(0.01)), negll, method = "Nelder-Mead",
              control = list(reltol = 1e-12, maxit = 2000))
best <- optim(best$par, negll, method = "BFGS", control = list(reltol = 1e-14))
ml <- fit(exp(best$par[1]), exp(2 * best$par[2]))
profile <- optimize(function(ls) -fit(exp(ls), 0)$logLikelihood, c(log(1e-4), log(0.05)), tol = 1e-10)
ml0 <- fit(exp(profile$minimum), 0)
strip <- function(f) f[c("sigma", "tau2", "logLikelihood", "houseEffects", "houseEffectStandardErrors")]

golden <- list(
  source = "pscl AustralianElectionPolling and AustralianElections; conformance/australian-polls.R",
  pscl = as.character(packageVersion("pscl")),
  firstDay = format(first), lastDay = format(last),
  anchors = list(list(day = format(first), share = a0), list(day = format(last), share = a1)),
  exact = settings,
  maximumLikelihood = strip(ml),
  maximumLikelihoodWithoutExtraVariance = strip(ml0)
)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out, "australian-election-polling-golden.json"))

cat(sprintf("ML: sigma %.5f, tau2 %.3g (logL %.4f); tau2 = 0: sigma %.5f (logL %.4f)\n",
            ml$sigma, ml$tau2, ml$logLikelihood, ml0$sigma, ml0$logLikelihood))
for (h in houses) {
  cat(sprintf("%-14s ML %6.2f (SE %.2f)   tau2 = 0: %6.2f (SE %.2f)   points\n", h,
              100 * ml$houseEffects[[h]], 100 * ml$houseEffectStandardErrors[[h]],
              100 * ml0$houseEffects[[h]], 100 * ml0$houseEffectStandardErrors[[h]]))
}

# ---- what moves the comparison with Jackman (printed only; the README quotes it) ----------
# (1) His posterior means average over sigma; ours take its maximum. With tau2 = 0 and flat
#     priors, the posterior of sigma is proportional to the likelihood above, so the means
#     over it are a one-dimensional quadrature.
grid <- seq(0.002, 0.009, by = 0.0001)
fits <- lapply(grid, function(s) fit(s, 0))
w <- sapply(fits, `[[`, "logLikelihood")
w <- exp(w - max(w)); w <- w / sum(w)
H <- t(sapply(fits, function(f) unlist(f$houseEffects)))
cat(sprintf("posterior means over sigma (tau2 = 0; sigma %.5f): %s points\n", sum(grid * w),
            paste(sprintf("%s %.2f", houses, 100 * colSums(H * w)), collapse = ", ")))
# (2) The day a poll is placed on: the fieldwork's start or end instead of its midpoint.
for (convention in c("startDate", "endDate")) {
  t_poll <- as.integer(polls[[convention]] - first)
  B_pp <- bridge(t_poll, t_poll)
  B_dp <- bridge(days, t_poll)
  s <- optimize(function(ls) -fit(exp(ls), 0)$logLikelihood, c(log(1e-4), log(0.05)), tol = 1e-10)$minimum
  f <- fit(exp(s), 0)
  cat(sprintf("polls on their %s (tau2 = 0, sigma %.5f): %s points\n", convention, exp(s),
              paste(sprintf("%s %.2f", houses, 100 * unlist(f$houseEffects)), collapse = ", ")))
}
