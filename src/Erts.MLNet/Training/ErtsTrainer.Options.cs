using Erts.MLNet.Explainability;
using Erts.MLNet.Networks;
using Erts.MLNet.Selection;
using Microsoft.ML;

namespace Erts.MLNet.Training;

public sealed partial class ErtsTrainer
{
    /// <summary>
    /// Everything the ERTS trainer can be told. Defaults are the reference code's (see <see cref="Defaults"/>);
    /// the paper's symbol is given where it has one.
    /// </summary>
    public sealed class Options
    {
        /// <summary>Default values, referred to by the fields below and by the catalog overloads.</summary>
        public static class Defaults
        {
#pragma warning disable CS1591 // each value is documented on the Options property of the same name
            public const string LabelColumnName = "Label";
            public const string SignalColumnName = "Signal";
            public const string ScoreColumnName = "Score";
            public const string PredictedLabelColumnName = "PredictedLabel";
            public const Backbone Network = Backbone.ResNet1d;
            public const string SelectionPolicy = "erts-dbpd";
            public const int Epochs = 100;
            public const int WarmupEpochs = 5;
            public const int RevisionStartEpoch = 50;
            public const int CamDelayEpochs = 3;
            public const float ConfidenceThreshold = 0.3f;
            public const float KeepFraction = 0.7f;
            public const ReliabilityRanking ReliabilityRanking = Selection.ReliabilityRanking.ConfidenceTimesFocus;
            public const int BatchSize = 32;
            public const double LearningRate = 3e-4;
            public const double WeightDecay = 0.01;
            public const double LearningRateDecay = 0.98;
            public const bool ClassBalancedLoss = true;
            public const double ClassBalancedBeta = 0.9999;
            public const int Seed = 42;
            public const float ValidationFraction = 0.1f;
            public const bool CompactKeptRows = true;
            public const int ScoreReuseEpochs = 0;
            public const FocusResolution FocusResolution = Explainability.FocusResolution.ExplainedLayer;
            public const string SignalLengthColumnName = Data.DataViews.EcgColumns.SignalLength;
            public const LearningRateSchedule LearningRateSchedule = Training.LearningRateSchedule.ExponentialDecay;
            public const double LearningRateWarmupEpochs = 1;
            public const float HeadDropout = 0f;
            public const float LabelSmoothing = 0f;
#pragma warning restore CS1591
        }

        /// <summary>Value of <see cref="RevisionStartEpoch"/> meaning "revise on all data in the last epoch only" (PDD's schedule).</summary>
        public const int RevisionLastEpochOnly = -1;

        /// <summary>Key-typed label column (use <c>MapValueToKey</c>). Default "Label".</summary>
        public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

        /// <summary>
        /// Signal column: a known-size <c>Single</c> vector, lead-major. Its shape is taken from the column type's
        /// dimensions (leads, samples) when it has two, else <see cref="Leads"/> is used. Default "Signal".
        /// </summary>
        public string SignalColumnName { get; set; } = Defaults.SignalColumnName;

        /// <summary>Output column of class probabilities (softmax). Default "Score".</summary>
        public string ScoreColumnName { get; set; } = Defaults.ScoreColumnName;

        /// <summary>Output key column of the predicted class. Default "PredictedLabel".</summary>
        public string PredictedLabelColumnName { get; set; } = Defaults.PredictedLabelColumnName;

        /// <summary>
        /// Optional output column with the Grad-CAM time profile of the predicted class (a <c>Single</c> vector of
        /// the input length). Null (default) adds no column and costs nothing at inference.
        /// </summary>
        public string? ExplanationColumnName { get; set; }

        /// <summary>
        /// Optional output column with the network's embedding of each row (<c>EcgNetwork.EmbeddingOf</c>: the
        /// explained layer's activations averaged over time), a known-size <c>Single</c> vector with slot names
        /// emb0, emb1, ..., computed in the same forward pass as the scores. Feed it to a classic trainer (FastTree)
        /// for a hybrid model. Null (default) adds no column and costs nothing at inference.
        /// </summary>
        public string? EmbeddingColumnName { get; set; }

        /// <summary>
        /// Column of each row's record length in samples per lead (Int32), for views of whole records of different
        /// lengths, zero-padded at the end (ECG convention, <c>EcgColumns.SignalLength</c>). Used when the view has it;
        /// without it every row fills the whole signal. Default "SignalLength".
        /// </summary>
        public string SignalLengthColumnName { get; set; } = Defaults.SignalLengthColumnName;

        /// <summary>
        /// Optional column of auxiliary features per row (a known-size <c>Single</c> vector: a beat's RR context from
        /// <c>EcgColumns.Rhythm</c>, the hand-made features of <c>Transforms.Ecg.ExtractFeatures</c>, ...), fused into the
        /// network before its head: they are standardised with the training set's mean and standard deviation (stored with
        /// the model), go through a small two-layer perceptron and add to the class logits, the same as concatenating its
        /// output to the pooled embedding before the final linear layer. A hybrid of learned and hand-made features in
        /// one estimator. Null (default): none.
        /// </summary>
        public string? AuxiliaryFeaturesColumnName { get; set; }

        /// <summary>
        /// Samples per lead of the network's input when it is shorter than the records: every epoch each training row
        /// gives one window of this length drawn at random from its record (from the valid part, see
        /// <see cref="SignalLengthColumnName"/>; shorter records are zero-padded), and validation and scoring slide
        /// windows of this length over the whole record with <see cref="InferenceStride"/> and average the class
        /// probabilities. Null (default): the network sees the whole signal column, as stored.
        /// </summary>
        public int? TrainingWindow { get; set; }

        /// <summary>
        /// Step between the sliding windows of validation and scoring, in samples. Null (default): half of
        /// <see cref="TrainingWindow"/>. Range: 1 or more.
        /// </summary>
        public int? InferenceStride { get; set; }

        /// <summary>
        /// Random changes applied to every training input every epoch (amplitude, noise, baseline wander, time shift),
        /// after the window is drawn. Null (default): none. Validation and scoring never augment.
        /// </summary>
        public EcgAugmentation? Augmentation { get; set; }

        /// <summary>Leads, used only when the signal column's type has one dimension. Default 1. Range: 1 or more.</summary>
        public int Leads { get; set; } = 1;

        /// <summary>The network to train. Default <see cref="Backbone.ResNet1d"/>.</summary>
        public Backbone Network { get; set; } = Defaults.Network;

        /// <summary>
        /// Which samples get a gradient step, by policy name: "full", "dbpd", "smrd", "srd", "erts-dbpd" (default),
        /// "erts-smrd", "erts-srd". See <c>SelectionPolicies</c> for the list.
        /// </summary>
        public string SelectionPolicy { get; set; } = Defaults.SelectionPolicy;

        /// <summary>Epochs E. Default 100. Range: 1 or more.</summary>
        public int Epochs { get; set; } = Defaults.Epochs;

        /// <summary>Warm-up epochs W on all data before selection starts. Default 5. Range: 0 or more.</summary>
        public int WarmupEpochs { get; set; } = Defaults.WarmupEpochs;

        /// <summary>
        /// First epoch R (0-based) of the revision phase, which trains on all data again. Default 50;
        /// <see cref="RevisionLastEpochOnly"/> revises in the last epoch only; a value &gt;= Epochs never revises.
        /// </summary>
        public int RevisionStartEpoch { get; set; } = Defaults.RevisionStartEpoch;

        /// <summary>Epochs C0 after warm-up before the focus filter starts. Default 3. Range: 0 or more.</summary>
        public int CamDelayEpochs { get; set; } = Defaults.CamDelayEpochs;

        /// <summary>Confidence threshold τ: a sample is a candidate when p(true class) &lt; τ; 0 means "misclassified". Default 0.3. Range: [0, 1].</summary>
        public float ConfidenceThreshold { get; set; } = Defaults.ConfidenceThreshold;

        /// <summary>Keep fraction ρ of candidates ranked by reliability (1 − confidence) × focus. Default 0.7. Range: (0, 1].</summary>
        public float KeepFraction { get; set; } = Defaults.KeepFraction;

        /// <summary>
        /// How the focus filter ranks candidates: the paper's (1 − confidence) × focus (default), or focus alone, which
        /// ranks flipped labels lower (see <see cref="Selection.ReliabilityRanking"/>).
        /// </summary>
        public ReliabilityRanking ReliabilityRanking { get; set; } = Defaults.ReliabilityRanking;

        /// <summary>
        /// Where the focus score measures a candidate's Grad-CAM profile: at the explained layer's own T' positions
        /// (default, the reference code), or stretched to the input length first. Use
        /// <see cref="Explainability.FocusResolution.Input"/> when the explained layer has fewer than 20 time
        /// positions (ResNet1d on inputs under about 620 samples, e.g. single heartbeats): there every non-flat
        /// profile scores 1 and the focus filter ranks by confidence alone; <c>Fit</c> warns when that happens.
        /// </summary>
        public FocusResolution FocusResolution { get; set; } = Defaults.FocusResolution;

        /// <summary>Mini-batch size B. Default 32. Range: 1 or more.</summary>
        public int BatchSize { get; set; } = Defaults.BatchSize;

        /// <summary>
        /// Pools the kept rows of consecutive mini-batches and runs an update whenever <see cref="BatchSize"/> of them
        /// are pooled (plus the remainder at the end of each epoch), so every optimizer step but the epoch's last is
        /// a full batch. Default true.
        /// </summary>
        /// <remarks>
        /// <para>Why: a CPU step on the few kept rows of a 32-row batch costs far more than its share of a full step,
        /// and each tiny batch pays its own optimizer step. Measured on 2 threads (ERTS-DBPD selection epoch,
        /// "Wall-clock of a selection epoch" in <c>docs/benchmarks.md</c>): ResNet1d 0.50 s instead of 0.73 s;
        /// the tiny SmallCnn1d about the same (0.40 s against 0.41 s). Never slower, hence the default.</para>
        /// <para>Unchanged: the selection itself (each original mini-batch is scored and chosen from exactly as the
        /// method defines), the samples back-propagated and so the effective epochs; warm-up, revision and full
        /// training, whose batches are already full.</para>
        /// <para>Deviation from the reference code, which steps once per mini-batch on its kept subset: here there
        /// are fewer, larger steps per epoch, and a step mixes rows chosen in different mini-batches, so later
        /// mini-batches of an epoch are selected with weights that have seen fewer steps. Set false for the
        /// reference behaviour.</para>
        /// </remarks>
        public bool CompactKeptRows { get; set; } = Defaults.CompactKeptRows;

        /// <summary>
        /// k: in the selection phase, a sample's confidence (and focus) may come from the last forward that touched it
        /// when that was at most k epochs ago; older or missing scores get a fresh confidence pass. Default 0 (the
        /// reference code: a fresh no-grad pass over every batch). Range: 0 or more.
        /// </summary>
        /// <remarks>
        /// <para>Where the scores come from: the update forward of a kept sample gives its logits and trunk
        /// activations for free, so its confidence and, on networks with the CAM fast path (a global-average-pooling +
        /// linear head), its focus are recorded at no extra forward; so do the confidence passes. A sample skipped
        /// in one epoch is re-scored by a fresh pass at most k + 1 epochs later, so learned samples can come back.</para>
        /// <para>The trade-off: up to k-epoch-old scores against up to one whole confidence pass per selection epoch
        /// (about a third of a training step per sample). k = 1 or 2 keeps scores recent while skipping most passes.</para>
        /// <para>Deviations from the reference code: scores can be k epochs stale; scores taken from an update
        /// forward are in train mode (batch statistics; the reference code's confidence pass also runs in train
        /// mode) while the fresh passes here run in eval mode; the focus of a reused score comes from train-mode
        /// activations. <see cref="EpochReport.ConfidencePassSamples"/> and <see cref="EpochReport.GradCamSamples"/>
        /// count only samples really scored; reused ones are in <see cref="EpochReport.ReusedConfidenceSamples"/> and
        /// <see cref="EpochReport.ReusedFocusSamples"/>.</para>
        /// </remarks>
        public int ScoreReuseEpochs { get; set; } = Defaults.ScoreReuseEpochs;

        /// <summary>AdamW learning rate. Default 3e-4. Range: greater than 0.</summary>
        public double LearningRate { get; set; } = Defaults.LearningRate;

        /// <summary>AdamW weight decay. Default 0.01. Range: 0 or more.</summary>
        public double WeightDecay { get; set; } = Defaults.WeightDecay;

        /// <summary>
        /// Multiplier applied to the learning rate after every epoch under <see cref="LearningRateSchedule.ExponentialDecay"/>
        /// (ignored by the other schedules). Default 0.98. Range: (0, 1].
        /// </summary>
        public double LearningRateDecay { get; set; } = Defaults.LearningRateDecay;

        /// <summary>
        /// How the learning rate changes over training: <see cref="LearningRateSchedule.ExponentialDecay"/> (default, the
        /// reference code's: × <see cref="LearningRateDecay"/> after every epoch) or
        /// <see cref="LearningRateSchedule.WarmupCosine"/> (linear warm-up over <see cref="LearningRateWarmupEpochs"/>,
        /// then cosine decay to 0 at the last epoch, updated every mini-batch).
        /// </summary>
        public LearningRateSchedule LearningRateSchedule { get; set; } = Defaults.LearningRateSchedule;

        /// <summary>Epochs of linear learning-rate warm-up under <see cref="LearningRateSchedule.WarmupCosine"/>. Default 1. Range: 0 or more, at most Epochs under that schedule.</summary>
        public double LearningRateWarmupEpochs { get; set; } = Defaults.LearningRateWarmupEpochs;

        /// <summary>Dropout probability on the explained layer's activations before the head, in training only. Default 0. Range: [0, 1).</summary>
        public float HeadDropout { get; set; } = Defaults.HeadDropout;

        /// <summary>Label smoothing ε of the cross-entropy (targets 1 − ε + ε/K and ε/K). Default 0. Range: [0, 1).</summary>
        public float LabelSmoothing { get; set; } = Defaults.LabelSmoothing;

        /// <summary>
        /// Stops training when validation macro-F1 has not improved for this many epochs (the best weights are kept, as
        /// always). Needs validation data. Null (default): train all <see cref="Epochs"/>. Range: 1 or more.
        /// </summary>
        public int? EarlyStoppingPatience { get; set; }

        /// <summary>Class-balanced cross-entropy (Cui et al. 2019), weights normalised to sum to the class count. Default true.</summary>
        public bool ClassBalancedLoss { get; set; } = Defaults.ClassBalancedLoss;

        /// <summary>β of the class-balanced loss (effective number of samples). Default 0.9999. Range: [0, 1).</summary>
        public double ClassBalancedBeta { get; set; } = Defaults.ClassBalancedBeta;

        /// <summary>Seed of weights, shuffling and random policies. Default 42.</summary>
        public int Seed { get; set; } = Defaults.Seed;

        /// <summary>Torch intra-op threads; null leaves TorchSharp's default. Range: 1 or more.</summary>
        public int? Threads { get; set; }

        /// <summary>Torch device, "cpu" (default) or "cuda" / "cuda:N" where a CUDA build of libtorch is present.</summary>
        public string Device { get; set; } = "cpu";

        /// <summary>Validation data with the same schema as the training data. When null, <see cref="ValidationFraction"/> is held out.</summary>
        public IDataView? ValidationSet { get; set; }

        /// <summary>Fraction of the training data held out (stratified, seeded) for checkpoint selection when no <see cref="ValidationSet"/> is given; 0 keeps the last epoch's weights. Default 0.1. Range: [0, 0.5].</summary>
        public float ValidationFraction { get; set; } = Defaults.ValidationFraction;

        /// <summary>Receives a report after every epoch (on the training thread).</summary>
        public IProgress<EpochReport>? Progress { get; set; }

        /// <summary>
        /// For analyses such as label noise: one flag per training row, by index in the data the loop trains on (the
        /// <see cref="TrainingReport.TrainingSetSize"/> rows in the order read, after rows without a label are skipped
        /// and any <see cref="ValidationFraction"/> hold-out, so give a <see cref="ValidationSet"/> to keep the
        /// indices those of the training view). The focus filter's candidates from flagged rows are counted in
        /// histograms of their own (<see cref="FocusHistogram.Flagged"/>); training is not affected. Null (default):
        /// no row is flagged.
        /// </summary>
        public IReadOnlyList<bool>? FocusFlaggedRows { get; set; }

        /// <summary>
        /// Stops training within one batch; the best weights so far are kept and the last epoch checkpoint (see
        /// <see cref="CheckpointDirectory"/>) stays intact. ML.NET's own cancellation (<c>MLContext.CancelExecution</c>,
        /// internal in ML.NET 5 and called by AutoML on time-out) does the same.
        /// </summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>
        /// Folder for the training checkpoint, written atomically after every epoch (weights, optimiser state, random
        /// state, best weights and report so far). When the folder already holds a checkpoint of the same run (same
        /// options and data), training resumes from it and ends with the weights and report an uninterrupted run
        /// would give (bit for bit on the same device and thread count); a checkpoint of a different run is an error
        /// (<see cref="TrainingCheckpointException"/>) listing what differs. The checkpoint is kept after training,
        /// so fitting again returns at once; delete it to start over. Null (default): no checkpoints.
        /// </summary>
        public string? CheckpointDirectory { get; set; }

        /// <summary>
        /// Megabytes of signal data (training plus validation view) kept in memory during <c>Fit</c>; the views are
        /// read once, and rows beyond the limit go to a temporary file in <see cref="SpillDirectory"/> that batches
        /// are read from, so a view larger than memory (a stream of generated windows, a large archive decoded on the
        /// fly) trains with bounded resident memory. The result is the same bit for bit either way. 0 puts every row
        /// on disk. Null (default): half of the memory available to the process.
        /// </summary>
        public int? InMemoryDataLimitMegabytes { get; set; }

        /// <summary>Folder for the temporary file of <see cref="InMemoryDataLimitMegabytes"/>; null (default): the system's temporary folder.</summary>
        public string? SpillDirectory { get; set; }
    }
}
