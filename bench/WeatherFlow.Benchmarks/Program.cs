Console.WriteLine(WeatherFlow.Training.TorchProbe.Sum());
