// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESEARCH_TWO_FACTOR_MODEL_H
#define SEGPROOF_RESEARCH_TWO_FACTOR_MODEL_H

#include <vector>

namespace segproof
{
namespace research
{

/// The parameters of Zou, Gong and Towsley's two-factor worm model (CCS 2002), rates per second.
struct TwoFactorParameters
{
    double population = 0;        ///< N, hosts that can ever be infected
    double initialInfectious = 0; ///< I(0); R(0) = Q(0) = 0
    double beta0 = 0;             ///< initial pairwise infection rate, per host per second
    double eta = 0;               ///< how fast congestion slows scanning: beta0 (1 - I/N)^eta
    double gamma = 0;             ///< removal (cleaning) rate of infectious hosts, per second
    double mu = 0;                ///< patching rate of susceptible hosts, per host per second
};

/// The model's compartments at one time; they always sum to the population.
struct TwoFactorState
{
    double time_s = 0;
    double susceptible = 0; ///< S = N - I - R - Q
    double infectious = 0;  ///< I
    double removed = 0;     ///< R, infectious hosts cleaned
    double quarantined = 0; ///< Q, susceptible hosts patched before infection
};

/// Integrates dI/dt = beta(t) S I - dR/dt, dR/dt = gamma I, dQ/dt = mu S (I + R) with
/// S = N - I - R - Q and beta(t) = beta0 (1 - I/N)^eta by Boost.Odeint's adaptive Dormand-Prince
/// 5(4) method with dense output, at an absolute tolerance of 1e-18 N and a relative tolerance of
/// 1e-12 per step (each of I, R, Q), and evaluates the solution at the sample times (a
/// compartment that the solver's error leaves below 0 is reported as 0).
/// Returns the state at t = 0, at every multiple of `sampleInterval_s` up to `end_s`, and at
/// `end_s` itself when it is not such a multiple.
/// With eta = mu = 0 it is Kermack-McKendrick's SIR model; with gamma = mu = eta = 0 the
/// logistic. Empty when a parameter is not finite or is negative, the population is not
/// positive, I(0) exceeds it, `end_s` is negative or `sampleInterval_s` is not positive.
std::vector<TwoFactorState> SolveTwoFactor(const TwoFactorParameters& parameters, double end_s,
                                           double sampleInterval_s);

} // namespace research
} // namespace segproof

#endif
