// A small element builder. Text always goes in as text nodes: nothing from the inspected page (or
// the engine) is ever parsed as HTML.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  /** Other attributes (set with setAttribute; never `on*` handlers or `style` strings). */
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  onclick?: (event: Event) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props) {
    if (props.class) element.className = props.class;
    if (props.title) element.title = props.title;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (/^on/i.test(name) || name === "style") throw new Error(`refusing attribute ${name}`);
      element.setAttribute(name, value);
    }
    for (const [name, value] of Object.entries(props.dataset ?? {})) element.dataset[name] = value;
    if (props.onclick) element.addEventListener("click", props.onclick);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`panel.html has no #${id}`);
  return element as T;
}
