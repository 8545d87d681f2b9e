# Build: docker build -t archive-search .
# Run:   docker run -p 8080:8080 -v "$PWD/index-data:/app/index-data" archive-search
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# ReadyToRun: Lucene.Net ships IL only, and compiling it ahead of time saves a quarter second of start-up (measured at 1M).
RUN dotnet publish src/ArchiveSearch.Api -c Release -a "$TARGETARCH" --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The bundled sample archive, so the image answers searches even without a mounted volume.
COPY index-data/archive ./index-data/archive
ENV Urls=http://0.0.0.0:8080 \
    Search__ArchivePath=/app/index-data/archive \
    Search__IndexPath=/app/index-data/index
VOLUME /app/index-data
EXPOSE 8080
ENTRYPOINT ["dotnet", "ArchiveSearch.Api.dll"]
