using System.Text;
using QRCoder;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// The QR code an authenticator app scans, drawn on the server as SVG and served as a data: URI, which the
/// Content Security Policy allows for images (no script, no third-party service).
/// </summary>
public static class AuthenticatorQrCode
{
    public static string ToSvgDataUri(string otpauthUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(otpauthUri);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
