namespace WeatherFlow.Web.Services;

/// <summary>
/// The words of the api's history query string, in one place for the web's client, pages and forms: its parameters,
/// and the values of <c>sort</c>, <c>order</c>, <c>metric</c> and <c>by</c> the forms offer. The api judges them.
/// </summary>
public static class HistoryVocabulary
{
    public static class Parameters
    {
        public const string Text = "q";
        public const string Status = "status";
        public const string Backbone = "backbone";
        public const string Variable = "variable";
        public const string Tag = "tag";
        public const string From = "from";
        public const string To = "to";
        public const string Sort = "sort";
        public const string Order = "order";
        public const string Limit = "limit";
        public const string Cursor = "cursor";
        public const string Metric = "metric";
        public const string By = "by";
    }

    /// <summary>What <c>sort</c> and <c>metric</c> name besides a score.</summary>
    public static class Sorts
    {
        public const string Submitted = "submitted";
        public const string RunTime = "runTime";
        public const string ValidationLoss = "validationLoss";
        public const string MeanSkill = "meanSkill";
    }

    public static class Orders
    {
        public const string Ascending = "asc";
        public const string Descending = "desc";
    }

    /// <summary>The config fields <c>by</c> groups runs on.</summary>
    public static class Groupings
    {
        public const string Backbone = "backbone";
        public const string HiddenDim = "hiddenDim";
        public const string TrainSamples = "trainSamples";
        public const string Epochs = "epochs";
    }
}
