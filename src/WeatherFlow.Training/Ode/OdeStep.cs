using static TorchSharp.torch;

namespace WeatherFlow.Training.Ode;

/// <summary>One step a solver took: from <see cref="Start"/> at time <see cref="Time"/> over <see cref="Size"/>.</summary>
internal sealed record OdeStep(double Time, double Size, Tensor Start);
