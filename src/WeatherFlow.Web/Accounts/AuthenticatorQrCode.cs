using QRCoder;

namespace WeatherFlow.Web.Accounts;

/// <summary>The <c>otpauth://</c> address an authenticator app scans, as a PNG QR code in a data: URI.</summary>
public static class AuthenticatorQrCode
{
    public static string DataUri(string authenticatorUri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(authenticatorUri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
