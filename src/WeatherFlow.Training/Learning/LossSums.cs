using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Training.Learning;

/// <summary>Batch means of one phase of one epoch, accumulated in double like the reference's Python floats.</summary>
internal sealed class LossSums
{
    private readonly double[] sums = new double[5];

    public int Batches { get; private set; }

    public double MeanLoss => sums[0] / Batches;

    public double MeanFlowLoss => sums[1] / Batches;

    public void Add(float[] values)
    {
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += values[i];
        }
        Batches++;
    }

    public EpochMetrics ToTraining(int epoch) => new(epoch, Mean(0), Mean(1), Mean(2), Mean(3), Mean(4));

    public ValidationEpochMetrics ToValidation(int epoch) => new(epoch, Mean(0), Mean(1), Mean(2), Mean(3), Mean(4));

    private double Mean(int index) => sums[index] / Batches;
}
