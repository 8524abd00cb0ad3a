using Microsoft.AspNetCore.Identity.UI.Services;

namespace WeatherFlow.Web.Services;

/// <summary>
/// Account mail (password reset links) written to the web's log, which the Aspire dashboard shows: WeatherFlow has no
/// mail server yet. Anyone who can read the logs can reset any account, so a deployment open to the public must
/// register a real <see cref="IEmailSender"/> instead.
/// </summary>
public sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        LogMail(email, subject, htmlMessage);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to {Email}, \"{Subject}\": {Body}")]
    private partial void LogMail(string email, string subject, string body);
}
