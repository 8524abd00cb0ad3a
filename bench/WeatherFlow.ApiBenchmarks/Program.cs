Console.WriteLine("WeatherFlow API benchmarks: see RESULTS.md");
