using Microsoft.EntityFrameworkCore;
using WeatherFlow.Data;
using WeatherFlow.Data.Caching;

namespace Microsoft.Extensions.Hosting;

public static class WeatherDataExtensions
{
    private const string DatabaseConnectionName = "weatherdb";

    /// <summary>
    /// The data every host (api, trainer, web) shares: the <see cref="WeatherDbContext"/> over
    /// <c>ConnectionStrings:weatherdb</c>, and Redis over <c>ConnectionStrings:cache</c> with the result cache and the
    /// live event channel on it.
    /// </summary>
    /// <param name="shortDatabaseRetry">Two retries within about a second in place of Aspire's default (six over about
    /// a minute): enough to replace the pooled connections a Postgres restart broke, short enough for a host that
    /// answers requests to say at once that Postgres is down.</param>
    public static void AddWeatherData(this IHostApplicationBuilder builder, bool shortDatabaseRetry = false)
    {
        if (shortDatabaseRetry)
        {
            builder.AddNpgsqlDbContext<WeatherDbContext>(DatabaseConnectionName,
                settings => settings.DisableRetry = true,
                options => options.UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)));
        }
        else
        {
            builder.AddNpgsqlDbContext<WeatherDbContext>(DatabaseConnectionName);
        }
        builder.AddCaching();
    }
}
