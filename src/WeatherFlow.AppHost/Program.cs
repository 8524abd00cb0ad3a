Console.WriteLine("WeatherFlow AppHost");
