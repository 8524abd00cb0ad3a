namespace WeatherFlow.Hosting.ApplicationModel;

public interface IResourceWithEndpoints : IResource
{
    IList<EndpointAnnotation> Endpoints { get; }

    EndpointReference GetEndpoint(string endpointName) => new(this, endpointName);
}
