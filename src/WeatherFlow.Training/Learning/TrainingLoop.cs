using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Progress;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Models;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Learning;

/// <summary>
/// Contract §3.4: per epoch, shuffled training batches with Adam, then unshuffled validation batches without
/// gradients; t is drawn from one generator and the shuffle from another, both seeded with training.seed. Every batch
/// runs in its own dispose scope so native memory stays flat, and losses are read back once per batch, before the
/// optimizer steps, so a non-finite loss never reaches the weights. With the rectified objective the gradient norm is
/// clipped and the model ends with the weights of its best validation epoch; the reference objective keeps the last.
/// </summary>
internal sealed class TrainingLoop(ExperimentConfig config, ExperimentData data, FlowModel model, ProgressTracker progress)
{
    /// <summary>A bound on each step's gradient norm: one outlier batch cannot throw the weights far.</summary>
    private const double MaxGradientNorm = 1.0;

    private readonly HeapTrimmer heap = new();
    private readonly bool rectified = config.Training.Objective == ConfigChoices.RectifiedObjective;

    public static int BatchCount(int samples, int batchSize) => (samples + Math.Min(batchSize, samples) - 1) / Math.Min(batchSize, samples);

    public (IReadOnlyList<EpochMetrics> Train, IReadOnlyList<ValidationEpochMetrics> Validation, int ModelEpoch) Run(CancellationToken cancellationToken)
    {
        var training = config.Training;
        using var generator = new Generator((ulong)training.Seed, CPU);
        using var loaderGenerator = new Generator((ulong)training.Seed, CPU);
        using var optimizer = optim.Adam(model.parameters(), training.LearningRate);
        var objective = new FlowObjective(config, model, data.Static, data.Mask);
        var train = new List<EpochMetrics>();
        var validation = new List<ValidationEpochMetrics>();
        var (modelEpoch, bestLoss) = (training.Epochs, double.PositiveInfinity);
        Dictionary<string, Tensor>? bestWeights = null;
        for (var epoch = 1; epoch <= training.Epochs; epoch++)
        {
            model.train();
            var sums = new LossSums();
            var order = Shuffle(data.TrainX0.shape[0], loaderGenerator);
            foreach (var (batch, indices) in Batches(order))
            {
                cancellationToken.ThrowIfCancellationRequested();
                sums.Add(Learn(objective, optimizer, indices, generator, epoch, batch, cancellationToken));
                heap.AfterBatch();
                progress.BatchDone(TrainingPhase.Training, epoch, batch, sums);
            }
            train.Add(sums.ToTraining(epoch));
            var validated = Validate(objective, generator, epoch, cancellationToken);
            validation.Add(validated);
            if (rectified && validated.ValLoss < bestLoss)
            {
                (modelEpoch, bestLoss) = (epoch, validated.ValLoss);
                foreach (var weight in bestWeights?.Values ?? Enumerable.Empty<Tensor>())
                {
                    weight.Dispose();
                }
                // The last epoch's weights are the model's own: no copy is needed.
                bestWeights = epoch < training.Epochs ? Snapshot() : null;
            }
        }
        if (bestWeights is not null)
        {
            Restore(bestWeights);
        }
        return (train, validation, modelEpoch);
    }

    private Dictionary<string, Tensor> Snapshot()
    {
        using var noGrad = no_grad();
        return model.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.clone());
    }

    private void Restore(Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        foreach (var (name, tensor) in model.state_dict())
        {
            tensor.copy_(weights[name]);
        }
    }

    private float[] Learn(FlowObjective objective, optim.Optimizer optimizer, long[] indices, Generator generator, int epoch, int batch, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var losses = Compute(objective, data.TrainX0, data.TrainX1, data.TrainForcing, indices, generator, learn: true, cancellationToken);
        var values = LossGuard.EnsureFinite(losses.Read(), "training", epoch, batch);
        if (rectified)
        {
            nn.utils.clip_grad_norm_(model.parameters(), MaxGradientNorm);
        }
        optimizer.step();
        return values;
    }

    private ValidationEpochMetrics Validate(FlowObjective objective, Generator generator, int epoch, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        var sums = new LossSums();
        var order = Enumerable.Range(0, (int)data.ValX0.shape[0]).Select(i => (long)i).ToArray();
        foreach (var (batch, indices) in Batches(order))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (NewDisposeScope())
            {
                var losses = Compute(objective, data.ValX0, data.ValX1, data.ValForcing, indices, generator, learn: false, cancellationToken);
                sums.Add(LossGuard.EnsureFinite(losses.Read(), "validation", epoch, batch));
            }
            heap.AfterBatch();
            progress.BatchDone(TrainingPhase.Validation, epoch, batch, sums);
        }
        return sums.ToValidation(epoch);
    }

    private static BatchLosses Compute(FlowObjective objective, Tensor x0, Tensor x1, Tensor forcing, long[] indices, Generator generator, bool learn, CancellationToken cancellationToken)
    {
        var index = tensor(indices);
        return objective.Compute(x0.index_select(0, index), x1.index_select(0, index), forcing.index_select(0, index), generator, learn, cancellationToken);
    }

    private IEnumerable<(int Batch, long[] Indices)> Batches(long[] order)
    {
        var size = Math.Min(config.Training.BatchSize, order.Length);
        return order.Chunk(size).Select((indices, i) => (i + 1, indices));
    }

    private static long[] Shuffle(long count, Generator generator)
    {
        using var permutation = randperm(count, generator: generator);
        return permutation.data<long>().ToArray();
    }
}
