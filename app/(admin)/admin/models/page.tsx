import { EndpointList } from "./_components/endpoint-list";
import { NewEndpointForm } from "./_components/new-endpoint-form";

export const metadata = { title: "Model endpoints · Arbiter" };

export default function ModelsPage() {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
      <section aria-labelledby="endpoints-heading">
        <h1 id="endpoints-heading" className="mb-1 text-xl font-semibold">
          Model endpoints
        </h1>
        <p className="mb-4 text-sm text-slate-600">
          OpenAI-compatible chat-completions servers (OpenAI, vLLM, Ollama, llama.cpp, TGI) that generate responses and judge
          them. API keys are stored encrypted and never shown again.
        </p>
        <EndpointList />
      </section>
      <section aria-labelledby="new-endpoint-heading" className="card h-fit">
        <h2 id="new-endpoint-heading" className="mb-3 font-semibold">
          Add an endpoint
        </h2>
        <NewEndpointForm />
      </section>
    </div>
  );
}
