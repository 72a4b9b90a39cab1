import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fenced } from "@/app/_components/content/code-fence";
import { codePlugins, detectingCodePlugins } from "@/app/_components/content/code-plugins";
import { mathPlugins } from "@/app/_components/content/math-plugins";
import { MarkdownBody } from "@/app/_components/content/markdown-body";

/** The annotate screen's markdown, with KaTeX and the highlighter loaded. */
function render(text: string): string {
  return renderToStaticMarkup(
    createElement(MarkdownBody, { text, rich: [...mathPlugins, ...codePlugins] }),
  );
}

describe("response markdown", () => {
  it("keeps the classes KaTeX and the highlighter need", () => {
    const html = render(
      "Area $\\pi r^2$ and $a\\,b$\n\n$$\n\\frac{1}{2}\n$$\n\n```python\ndef f():\n    return 1\n```",
    );
    expect(html.match(/class="katex"/g)).toHaveLength(3);
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">a\\,b</annotation>');
    expect(html).toMatch(
      /<code class="hljs language-python"><span class="hljs-keyword">def<\/span>/,
    );
    expect(html).toContain('<div class="code-block" dir="ltr">');
  });

  it("keeps single line breaks and gives each paragraph its own direction", () => {
    const html = render("one\ntwo\nthree\n\nمرحبا");
    expect(html).toContain('<p dir="auto">one<br/>\ntwo<br/>\nthree</p>');
    expect(html).toContain('<p dir="auto">مرحبا</p>');
  });

  it("lets nothing executable or styled through, KaTeX and highlighting included", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(2)">',
        '<span class="katex" style="position:fixed">fake</span>',
        "[x](javascript:alert(3)) [y](data:text/html,hi)",
        "$\\href{javascript:alert(4)}{a}$ $\\url{javascript:alert(5)}$ $\\htmlClass{evil}{b}$",
        "$\\htmlStyle{position:fixed}{c}$ $\\htmlData{x=1}{d}$ $\\htmlId{y}{e}$",
        '```html" onmouseover="alert(6)\n<b>x</b>\n```',
        "```math\n\\href{javascript:alert(7)}{f}\n```",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|onerror=|onmouseover=|javascript:alert\(3\)|href="data:/i);
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toMatch(/style="[^"]*position/);
    expect(html).not.toMatch(/class="[^"]*\bevil\b/);
    expect(html).not.toMatch(/data-x=|id="y"/);
    expect(html).not.toContain("<b>");
  });

  it("shows a code response as one highlighted block, even one that contains a fence", () => {
    const code = 'def show():\n    print("""\n```\n<script>alert(1)</script>\n```\n""")';
    const html = renderToStaticMarkup(
      createElement(MarkdownBody, { text: fenced(code), rich: detectingCodePlugins }),
    );
    expect(html.match(/<pre>/g)).toHaveLength(1);
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });
});
