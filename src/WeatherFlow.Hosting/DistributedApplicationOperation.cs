namespace WeatherFlow.Hosting;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}
