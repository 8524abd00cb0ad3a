namespace WeatherFlow.Training;

public static class TorchProbe
{
    public static float Sum() => TorchSharp.torch.ones(3).sum().item<float>();
}
