namespace CoproCommissioning.Web.Infrastructure;

public static class SecurityHeaders
{
    // HSTS goes on HTTPS responses only (the library's default), so local HTTP still works.
    // No inline script or style anywhere: NHS.UK frontend is loaded as files from our own origin.
    public static HeaderPolicyCollection Policy() =>
        new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
                csp.AddFrameAncestors().None();
            });
}
